package org.opencrm.gateway.users;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The realm roles that give access to the CRM; a user holding none of them is waiting for approval. */
enum CrmRole {
    ADMIN, MANAGER, SALES, SUPPORT;

    static final List<String> NAMES = Arrays.stream(values()).map(CrmRole::roleName).toList();

    String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<CrmRole> of(String roleName) {
        return Arrays.stream(values()).filter(r -> r.roleName().equals(roleName)).findFirst();
    }

    static boolean isCrmRole(String roleName) {
        return of(roleName).isPresent();
    }
}

package org.opencrm.lead.config;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.opencrm.lead.domain.SalesUser;
import org.opencrm.lead.domain.SalesUserDirectory;

/** The sales users the configuration lists: a stand-in until the directory reads Keycloak's users. */
class ConfiguredSalesUsers implements SalesUserDirectory {

    private final List<SalesUser> users;

    ConfiguredSalesUsers(List<SalesUser> users) {
        this.users = users.stream().sorted(Comparator.comparing(SalesUser::name)).toList();
    }

    @Override
    public Optional<SalesUser> activeSalesUser(String id) {
        return users.stream().filter(user -> user.id().equals(id)).findFirst();
    }

    @Override
    public List<SalesUser> activeSalesUsers() {
        return users;
    }
}

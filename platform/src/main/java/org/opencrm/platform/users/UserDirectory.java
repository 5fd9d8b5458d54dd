package org.opencrm.platform.users;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The CRM's users who may hold records (own customers, be assigned work): the members of the configured realm roles,
 * from wherever users are kept (Keycloak's admin API, or a configured list in tests).
 */
public interface UserDirectory {

    /**
     * Every member of the roles, disabled users included.
     *
     * @throws UserDirectoryUnavailableException when the directory does not answer
     */
    List<DirectoryUser> members();

    /** The user if they are a member and enabled; empty otherwise. */
    default Optional<DirectoryUser> activeUser(String id) {
        return members().stream().filter(DirectoryUser::enabled).filter(user -> user.id().equals(id)).findFirst();
    }

    /** Every enabled member, ordered by name. */
    default List<DirectoryUser> activeUsers() {
        return members().stream().filter(DirectoryUser::enabled)
                .sorted(Comparator.comparing(DirectoryUser::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }
}

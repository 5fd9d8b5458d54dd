package org.opencrm.lead.domain;

import java.util.List;
import java.util.Optional;

/** Who may be assigned leads: the active users with the sales role, from wherever users are kept. */
public interface SalesUserDirectory {

    /** The user if they exist, are enabled and hold the sales role; empty otherwise. */
    Optional<SalesUser> activeSalesUser(String id);

    /** Every active sales user, ordered by name. */
    List<SalesUser> activeSalesUsers();
}

package org.opencrm.lead.application;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.opencrm.lead.domain.SalesUser;
import org.opencrm.lead.domain.SalesUserDirectory;
import org.opencrm.lead.domain.assignment.Candidate;

/**
 * The active sales users, for the assignee picker and the check of a manual assignment: the enabled members of the
 * sales team. Throws {@link org.opencrm.platform.users.UserDirectoryUnavailableException} (503) when the directory does not answer.
 */
public class SalesTeamDirectory implements SalesUserDirectory {

    private final SalesTeam team;

    public SalesTeamDirectory(SalesTeam team) {
        this.team = team;
    }

    @Override
    public Optional<SalesUser> activeSalesUser(String id) {
        return team.members().stream().filter(Candidate::enabled).filter(user -> user.id().equals(id)).findFirst()
                .map(SalesTeamDirectory::salesUser);
    }

    @Override
    public List<SalesUser> activeSalesUsers() {
        return team.members().stream().filter(Candidate::enabled).map(SalesTeamDirectory::salesUser)
                .sorted(Comparator.comparing(SalesUser::name)).toList();
    }

    static SalesUser salesUser(Candidate user) {
        return new SalesUser(user.id(), user.username(), user.name());
    }
}

package org.opencrm.lead.application;

import java.util.List;

import org.opencrm.lead.domain.assignment.Candidate;
import org.opencrm.platform.users.UserDirectoryUnavailableException;

/** Everyone holding the sales role, disabled users included (the strategies skip them). */
public interface SalesTeam {

    /** @throws UserDirectoryUnavailableException when the directory does not answer */
    List<Candidate> members();
}

package org.opencrm.lead.application;

import org.opencrm.lead.domain.BoardTotals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps the board's unfolded deltas few, so that reading the totals stays a read of a few dozen rows. */
@Component
public class BoardTotalsJob {

    private static final Logger log = LoggerFactory.getLogger(BoardTotalsJob.class);

    private final BoardTotals totals;

    public BoardTotalsJob(BoardTotals totals) {
        this.totals = totals;
    }

    /** One statement, atomic on its own: no transaction around it. */
    @Scheduled(fixedDelayString = "${crm.leads.board.fold-interval:2s}")
    public void fold() {
        try {
            totals.fold();
        }
        catch (DataAccessException ex) {
            log.warn("Board totals folded at the next run: {}", ex.getMessage());
        }
    }
}

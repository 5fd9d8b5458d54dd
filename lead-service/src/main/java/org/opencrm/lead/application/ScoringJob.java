package org.opencrm.lead.application;

import java.util.UUID;

import org.opencrm.lead.config.RescoringProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Scores due leads, then leads scored under other rules, batch after batch (each its own short transaction) until
 * none is left; runs again every {@code crm.leads.scoring.recompute.interval}. A rule change restarts the pass over
 * outdated scores from the first lead.
 */
@Component
public class ScoringJob {

    private static final Logger log = LoggerFactory.getLogger(ScoringJob.class);

    /** Below every id in PostgreSQL's order (unsigned bytes; Java's UUID order is signed and differs). */
    private static final UUID FIRST = new UUID(0, 0);

    private final LeadScoring scoring;

    private final CurrentScoringRules rules;

    private final RescoringProperties properties;

    /** The rule version whose pass over all leads finished; null: none yet since start-up. */
    private volatile String passedVersion;

    /** Where an unfinished pass stopped, for the rule version it was made for (another version starts over). */
    private volatile Position position = new Position("", FIRST);

    private record Position(String version, UUID after) {
    }

    public ScoringJob(LeadScoring scoring, CurrentScoringRules rules, RescoringProperties properties) {
        this.scoring = scoring;
        this.rules = rules;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${crm.leads.scoring.recompute.interval:5s}",
            initialDelayString = "${crm.leads.scoring.recompute.interval:5s}")
    public void run() {
        try {
            while (scoring.scoreDue(properties.batchSize()) == properties.batchSize()) {
                // more are due: keep going
            }
            rescoreOutdated();
        }
        catch (DataAccessException ex) {
            log.warn("Scoring paused until the next run: {}", ex.getMessage());
        }
    }

    /** The rules changed: look at every lead again. */
    public void rulesChanged() {
        passedVersion = null;
    }

    private void rescoreOutdated() {
        String version = rules.version();
        if (version.equals(passedVersion)) {
            return;
        }
        long started = System.nanoTime();
        int total = 0;
        Position stopped = position;
        UUID after = stopped.version().equals(version) ? stopped.after() : FIRST;
        while (true) {
            LeadScoring.OutdatedPass pass = scoring.scoreOutdated(after, properties.batchSize());
            total += pass.scored();
            if (pass.busy()) {
                position = new Position(version, after);
                return;
            }
            if (pass.next().isEmpty()) {
                break;
            }
            after = pass.next().get();
            position = new Position(version, after);
            if (!version.equals(rules.version())) {
                return;
            }
            // a lead event waiting behind a long pass is still scored within seconds
            scoring.scoreDue(properties.batchSize());
        }
        passedVersion = version;
        position = new Position(version, FIRST);
        if (total > 0) {
            log.info("Rescored {} leads under rules {} in {} ms", total, version,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}

package org.opencrm.lead.application;

import java.util.concurrent.atomic.AtomicReference;

import org.opencrm.lead.domain.scoring.LeadScorer;
import org.opencrm.lead.domain.scoring.ScoringRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The rules in force; replaced when the configuration is refreshed, read by every scoring. */
public class CurrentScoringRules {

    private static final Logger log = LoggerFactory.getLogger(CurrentScoringRules.class);

    private final AtomicReference<LeadScorer> scorer;

    public CurrentScoringRules(ScoringRules rules) {
        this.scorer = new AtomicReference<>(new LeadScorer(rules));
    }

    public LeadScorer scorer() {
        return scorer.get();
    }

    public String version() {
        return scorer.get().rules().version();
    }

    /** @return whether the rules differ from those in force (then leads scored under others are recomputed) */
    public boolean replace(ScoringRules rules) {
        ScoringRules previous = scorer.get().rules();
        if (previous.equals(rules)) {
            return false;
        }
        if (previous.version().equals(rules.version())) {
            log.warn("Scoring rules changed but their version {} did not: scores already computed stay as they are"
                    + " until their lead changes (bump crm.leads.scoring.version to recompute all)", rules.version());
        }
        else {
            log.info("Scoring rules {} replace {}: leads are rescored in the background", rules.version(),
                    previous.version());
        }
        scorer.set(new LeadScorer(rules));
        return true;
    }
}

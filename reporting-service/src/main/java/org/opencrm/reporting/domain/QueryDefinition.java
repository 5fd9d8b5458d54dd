package org.opencrm.reporting.domain;

import java.util.List;

import org.opencrm.platform.json.RejectUnknownProperties;

import tools.jackson.databind.JsonNode;

/**
 * A widget's data as a user defined it: a metric over a dataset, optionally grouped by one dimension, filtered, over
 * a period. Only names travel here; {@link ReportQueries} accepts the ones each dataset has. A property it does not
 * know is refused rather than skipped: a misspelt {@code groupBy} would answer another question.
 */
@RejectUnknownProperties
public record QueryDefinition(String dataset, Metric metric, String groupBy, List<Filter> filters, String from,
        String to) {

    @RejectUnknownProperties
    public record Metric(String function, String field) {
    }

    @RejectUnknownProperties
    public record Filter(String field, String operator, JsonNode value) {
    }
}

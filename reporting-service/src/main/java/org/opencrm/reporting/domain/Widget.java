package org.opencrm.reporting.domain;

import org.opencrm.platform.json.RejectUnknownProperties;

import tools.jackson.databind.JsonNode;

/** One tile of a dashboard on a grid of 12 columns; a custom one's settings hold its query and chart. */
@RejectUnknownProperties
public record Widget(String id, String type, String title, Integer x, Integer y, Integer w, Integer h,
        JsonNode settings) {
}

package org.opencrm.reporting.domain;

import java.util.List;

public record FunnelStage(String status, long count, List<Money> value) {
}

package org.opencrm.lead.api;

import java.util.List;

import org.opencrm.lead.application.Board;
import org.opencrm.lead.domain.LeadSort;
import org.opencrm.lead.domain.LeadStatus;
import org.opencrm.lead.domain.Money;
import org.opencrm.platform.web.PageResponse;

/**
 * The pipeline board. A column's {@code nextCursor} continues it with {@code GET /api/v1/leads?status=<status>&cursor=}
 * (newest first, like the column).
 */
public record BoardResponse(List<Column> columns) {

    public record Column(LeadStatus status, long count, List<Total> totals, List<LeadResponse> items,
            String nextCursor) {
    }

    public record Total(String currency, String value) {
    }

    static BoardResponse of(Board board, int size) {
        return new BoardResponse(board.columns().stream().map(column -> {
            PageResponse<LeadResponse> page = PageResponse.of(column.firstRows(), size, LeadSort.CREATED::cursorAfter,
                    LeadResponse::of);
            return new Column(column.status(), column.count(), column.totals().stream()
                .map(total -> new Total(total.currency(), Money.plain(total.value(), total.currency())))
                .toList(), page.items(), page.nextCursor());
        }).toList());
    }
}

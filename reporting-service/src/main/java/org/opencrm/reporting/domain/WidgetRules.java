package org.opencrm.reporting.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.opencrm.platform.json.JsonPaths;
import org.opencrm.reporting.domain.InvalidReportException.FieldProblem;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/** What a saved dashboard may hold: known widget types on the 12-column grid, custom ones with a valid query. */
@Component
public class WidgetRules {

    public static final int MAX_WIDGETS = 24;
    static final Set<String> TYPES = Set.of("headline", "revenue", "funnel", "pipeline", "sales-performance",
            "recent-activity", "follow-ups", "custom");
    static final Set<String> CHARTS = Set.of("number", "bar", "line", "pie", "funnel", "table");

    private final ReportQueries queries;
    private final JsonMapper json;

    public WidgetRules(ReportQueries queries, JsonMapper json) {
        this.queries = queries;
        this.json = json;
    }

    public void check(List<Widget> widgets) {
        List<FieldProblem> problems = new ArrayList<>();
        if (widgets == null) {
            throw new InvalidReportException("widgets", "a list of widgets is required");
        }
        if (widgets.size() > MAX_WIDGETS) {
            throw new InvalidReportException("widgets", "at most " + MAX_WIDGETS + " widgets");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < widgets.size(); i++) {
            String path = "widgets[" + i + "]";
            Widget widget = widgets.get(i);
            if (widget == null) {
                problems.add(new FieldProblem(path, "a widget is required"));
                continue;
            }
            if (widget.id() == null || widget.id().isBlank() || widget.id().length() > 64) {
                problems.add(new FieldProblem(path + ".id", "an id of 1 to 64 characters is required"));
            }
            else if (!ids.add(widget.id())) {
                problems.add(new FieldProblem(path + ".id", "another widget has the id " + widget.id()));
            }
            if (!TYPES.contains(widget.type())) {
                problems.add(new FieldProblem(path + ".type", "unknown widget type; one of " + String.join(", ",
                        TYPES.stream().sorted().toList())));
            }
            if (widget.title() != null && widget.title().length() > 200) {
                problems.add(new FieldProblem(path + ".title", "at most 200 characters"));
            }
            grid(widget, path, problems);
            if ("custom".equals(widget.type())) {
                custom(widget.settings(), path + ".settings", problems);
            }
            else if (widget.settings() != null && !widget.settings().isNull() && !widget.settings().isObject()) {
                problems.add(new FieldProblem(path + ".settings", "must be an object"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidReportException(problems);
        }
    }

    private static void grid(Widget widget, String path, List<FieldProblem> problems) {
        if (widget.x() == null || widget.x() < 0 || widget.x() > 11) {
            problems.add(new FieldProblem(path + ".x", "a column from 0 to 11 is required"));
        }
        if (widget.w() == null || widget.w() < 1 || widget.w() > 12) {
            problems.add(new FieldProblem(path + ".w", "a width of 1 to 12 columns is required"));
        }
        else if (widget.x() != null && widget.x() + widget.w() > 12) {
            problems.add(new FieldProblem(path + ".w", "the widget reaches beyond the 12th column"));
        }
        if (widget.y() == null || widget.y() < 0 || widget.y() > 1000) {
            problems.add(new FieldProblem(path + ".y", "a row from 0 to 1000 is required"));
        }
        if (widget.h() == null || widget.h() < 1 || widget.h() > 24) {
            problems.add(new FieldProblem(path + ".h", "a height of 1 to 24 rows is required"));
        }
    }

    private void custom(JsonNode settings, String path, List<FieldProblem> problems) {
        if (settings == null || !settings.isObject()) {
            problems.add(new FieldProblem(path, "a custom widget needs settings with query and chart"));
            return;
        }
        JsonNode chart = settings.get("chart");
        if (chart == null || !chart.isString() || !CHARTS.contains(chart.asString())) {
            problems.add(new FieldProblem(path + ".chart", "one of " + String.join(", ",
                    CHARTS.stream().sorted().toList())));
        }
        JsonNode query = settings.get("query");
        if (query == null || !query.isObject()) {
            problems.add(new FieldProblem(path + ".query", "a query definition is required"));
            return;
        }
        try {
            queries.compile(json.treeToValue(query, QueryDefinition.class), path + ".query.");
        }
        catch (InvalidReportException ex) {
            problems.addAll(ex.problems());
        }
        catch (UnrecognizedPropertyException ex) {
            problems.add(new FieldProblem(path + ".query." + JsonPaths.of(ex), "is not a property of a query"));
        }
        catch (JacksonException ex) {
            problems.add(new FieldProblem(path + ".query", "not a query definition: " + ex.getOriginalMessage()));
        }
    }

    /** What a user sees before anyone arranged anything. */
    public static List<Widget> builtInDefault() {
        return List.of(builtIn("headline", "Headline figures", 0, 0, 12, 2),
                builtIn("revenue", "Revenue", 0, 2, 6, 4),
                builtIn("funnel", "Funnel", 6, 2, 6, 4),
                builtIn("pipeline", "Pipeline by status", 0, 6, 6, 4),
                builtIn("follow-ups", "Follow-ups due", 6, 6, 6, 4),
                builtIn("sales-performance", "Sales performance", 0, 10, 12, 4),
                builtIn("recent-activity", "Recent activity", 0, 14, 12, 4));
    }

    private static Widget builtIn(String type, String title, int x, int y, int w, int h) {
        return new Widget(type, type, title, x, y, w, h, JsonMapper.shared().createObjectNode());
    }
}

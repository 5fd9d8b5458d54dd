package org.opencrm.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The GitHub workflows against the essentials of their schema (what actionlint would refuse first): triggers, jobs
 * that run somewhere or call a workflow, steps that use an action or run a command, actions pinned to a release,
 * needs and reusable-workflow inputs that exist, no secret in an if. actionlint itself is a Go binary that no
 * registry this build reaches ships.
 */
class WorkflowsTest {

    private static final Path WORKFLOWS = Path.of("..", ".github", "workflows");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TRIGGERS = Set.of("push", "pull_request", "workflow_dispatch", "workflow_call",
        "schedule", "release", "workflow_run");

    private static Map<String, JsonNode> workflows;

    @BeforeAll
    static void readWorkflows() throws IOException {
        workflows = new TreeMap<>();
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            for (Path file : files.filter(path -> path.toString().matches(".*\\.ya?ml$")).toList()) {
                workflows.put(file.getFileName().toString(), YAML.readTree(file.toFile()));
            }
        }
    }

    @Test
    void hasTheCiImagesChartAndReleaseWorkflows() {
        assertThat(workflows).containsKeys("ci.yml", "images.yml", "chart.yml", "release.yml");
    }

    @Test
    void everyWorkflowHasKnownTriggersAndJobsThatRunSomewhere() {
        workflows.forEach((file, workflow) -> {
            assertThat(workflow.path("name").asText()).as("%s: name", file).isNotBlank();
            List<String> triggers = names(workflow.path("on"));
            assertThat(triggers).as("%s: on", file).isNotEmpty();
            assertThat(TRIGGERS).as("%s: known triggers", file).containsAll(triggers);
            assertThat(names(workflow.path("jobs"))).as("%s: jobs", file).isNotEmpty();
            workflow.path("jobs").properties().forEach(job -> {
                String where = file + " job " + job.getKey();
                JsonNode spec = job.getValue();
                assertThat(job.getKey()).as(where).matches("[A-Za-z_][A-Za-z0-9_-]*");
                if (spec.has("uses")) {
                    assertThat(spec.has("steps")).as("%s calls a workflow: no steps", where).isFalse();
                }
                else {
                    assertThat(spec.path("runs-on").asText()).as("%s: runs-on", where).isNotBlank();
                    assertThat(spec.path("steps").isArray() && !spec.path("steps").isEmpty()).as("%s: steps", where)
                        .isTrue();
                    for (JsonNode step : spec.path("steps")) {
                        assertThat(step.has("uses") ^ step.has("run")).as("%s: a step uses an action or runs a "
                            + "command, not both: %s", where, step).isTrue();
                    }
                }
                for (JsonNode need : spec.path("needs").isArray() ? spec.path("needs")
                        : YAML.createArrayNode().add(spec.path("needs").asText())) {
                    if (!need.asText().isEmpty()) {
                        assertThat(workflow.path("jobs").has(need.asText())).as("%s needs %s", where, need).isTrue();
                    }
                }
            });
        });
    }

    @Test
    void pinsEveryActionToARelease() {
        workflows.forEach((file, workflow) -> uses(workflow).forEach(action -> {
            if (!action.startsWith("./")) {
                assertThat(action).as("%s: %s pinned to a version tag or a commit", file, action)
                    .matches("[\\w.-]+/[\\w./-]+@(v\\d+(\\.\\d+){0,2}|[0-9a-f]{40})");
            }
        }));
    }

    @Test
    void callsOnlyReusableWorkflowsThatExistWithTheInputsTheyDeclare() {
        workflows.forEach((file, workflow) -> workflow.path("jobs").properties().forEach(job -> {
            String called = job.getValue().path("uses").asText();
            if (called.startsWith("./")) {
                JsonNode target = workflows.get(Path.of(called).getFileName().toString());
                assertThat(target).as("%s: %s exists", file, called).isNotNull();
                JsonNode declared = target.path("on").path("workflow_call").path("inputs");
                assertThat(target.path("on").has("workflow_call")).as("%s is callable", called).isTrue();
                job.getValue().path("with").fieldNames().forEachRemaining(input -> assertThat(declared.has(input))
                    .as("%s passes %s, which %s declares", file, input, called).isTrue());
            }
        }));
    }

    @Test
    void neverConditionsOnASecret() {
        workflows.forEach((file, workflow) -> workflow.path("jobs").properties().forEach(job -> {
            List<String> conditions = new ArrayList<>(job.getValue().findValuesAsText("if"));
            assertThat(conditions).as("%s job %s: the secrets context is not available in if", file, job.getKey())
                .noneMatch(condition -> condition.contains("secrets."));
        }));
    }

    private static Set<String> uses(JsonNode workflow) {
        Set<String> actions = new TreeSet<>();
        workflow.path("jobs").forEach(job -> {
            actions.addAll(job.findValuesAsText("uses"));
        });
        return actions;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(names::add);
        }
        else if (node.isArray()) {
            node.forEach(name -> names.add(name.asText()));
        }
        else if (node.isTextual()) {
            names.add(node.asText());
        }
        return names;
    }
}

package app.baton.cdshooks;

import app.baton.decision.PlanDecision;
import app.baton.decision.TaskDecision;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The parts every Baton card shares: the source (label Baton, the rule set version and table row as topic), the
 * coded override reasons, the absolute link to the task in Baton's console, and the FHIR R4 Task a suggestion writes.
 */
@Component
@EnableConfigurationProperties(CdsHooksSettings.class)
class CardMaker {

    static final String TOPIC_SYSTEM = "urn:baton:rule-row";
    static final String OVERRIDE_SYSTEM = "urn:baton:cds-override-reason";
    static final List<Card.Coding> OVERRIDE_REASONS = List.of(
            new Card.Coding(OVERRIDE_SYSTEM, "already-done", "Already done"),
            new Card.Coding(OVERRIDE_SYSTEM, "not-applicable", "Does not apply to this patient"),
            new Card.Coding(OVERRIDE_SYSTEM, "patient-declined", "Patient declined"),
            new Card.Coding(OVERRIDE_SYSTEM, "later", "Will do it later"));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.US);

    private final CodeLabels labels;
    private final CdsHooksSettings settings;
    private final ObjectMapper json;

    CardMaker(CodeLabels labels, CdsHooksSettings settings, ObjectMapper json) {
        this.labels = labels;
        this.settings = settings;
        this.json = json;
    }

    /**
     * A card made from a recorded decision (a task's, or a plan template's answer), and the row it counts against.
     * {@code decisionId} is the decision whose rows produced the card: its feedback is tied to it.
     */
    record Made(Card card, UUID decisionId, int ruleSetVersion, String row, String taskId) {

        Made(Card card, TaskDecision decision, String row, String taskId) {
            this(card, decision.id(), decision.ruleSetVersion(), row, taskId);
        }

        Made(Card card, PlanDecision decision, String row) {
            this(card, decision.id(), decision.ruleSetVersion(), row, null);
        }
    }

    /** What a hook answers: every decision it made (all recorded: the tasks', the plan templates') and the cards made from them. */
    record Answer(List<TaskDecision> decisions, List<PlanDecision> plans, List<Made> cards) {
        static final Answer NONE = new Answer(List.of(), List.of(), List.of());

        Answer(List<TaskDecision> decisions, List<Made> cards) {
            this(decisions, List.of(), cards);
        }

        int decided() {
            return decisions.size() + plans.size();
        }
    }

    Card card(String summary, String detail, String indicator, int version, String row, List<Card.Suggestion> suggestions,
              String taskId) {
        Card.Source source = new Card.Source("Baton", null, new Card.Coding(TOPIC_SYSTEM, version + "|" + row, topicDisplay(version, row)));
        List<Card.Link> links = taskId == null ? List.of()
                : List.of(new Card.Link("Open the task in Baton", settings.consoleUrl() + "/console/tasks/" + taskId, "absolute"));
        return CardContract.checked(new Card(UUID.randomUUID(), summary(summary), detail, indicator, source, suggestions,
                suggestions.isEmpty() ? null : "at-most-one", OVERRIDE_REASONS, links));
    }

    Card.Suggestion suggestion(String label, List<Card.Action> actions) {
        return new Card.Suggestion(label, UUID.randomUUID(), true, actions);
    }

    /** A FHIR R4 Task for a suggestion: Baton's task id as identifier (and as id when it updates a task Baton serves). */
    ObjectNode task(String id, boolean existing, String patientId, String status, String priority, TaskDecision decision, String taskType) {
        ObjectNode task = json.createObjectNode().put("resourceType", "Task");
        if (existing) {
            task.put("id", id);
        }
        task.putArray("identifier").addObject().put("system", "urn:baton:task").put("value", id);
        task.put("status", status).put("intent", "order").put("priority", priority);
        task.putObject("code").putArray("coding").addObject().put("system", "urn:baton:task-type").put("code", taskType)
                .put("display", labels.taskType(taskType));
        if (decision.nextAction() != null && decision.nextAction().prompt() != null) {
            task.put("description", decision.nextAction().prompt());
        }
        task.putObject("for").put("reference", "Patient/" + patientId);
        if (decision.dueAt() != null) {
            task.putObject("restriction").putObject("period").put("end", dateTime(decision.dueAt()));
        }
        if (decision.queue() != null) {
            task.putArray("performerType").addObject().putArray("coding").addObject().put("system", "urn:baton:queue")
                    .put("code", decision.queue()).put("display", labels.queue(decision.queue()));
        }
        return task;
    }

    String taskType(Object code) {
        return labels.taskType(code);
    }

    String queue(Object code) {
        return labels.queue(code);
    }

    /**
     * An R4 dateTime: with its seconds always (OffsetDateTime's own text leaves out seconds of zero, 17:00-04:00, which
     * R4 does not accept), and a fraction only when there is one.
     */
    static String dateTime(OffsetDateTime at) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at);
    }

    static String day(OffsetDateTime at) {
        return at == null ? "not set" : DAY.format(at);
    }

    /** Where a rule is written, or its name when it has no table row (a DRL rule). */
    static String row(String source, String rule) {
        return source != null ? source : rule != null ? rule : "unknown";
    }

    /** Under 140 characters, as the spec requires: a long prompt is cut with an ellipsis. */
    static String summary(String text) {
        return text.length() < CardContract.SUMMARY_LIMIT ? text : text.substring(0, CardContract.SUMMARY_LIMIT - 2) + "…";
    }

    private static String topicDisplay(int version, String row) {
        String where = row.contains("/") ? row.substring(row.lastIndexOf('/') + 1) : row;
        return "rule set " + version + ", " + where;
    }
}

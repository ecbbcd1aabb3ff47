package app.baton.queue;

import app.baton.careplan.TrackerProblems;

import app.baton.engine.model.Queue;
import app.baton.security.CurrentIdentity;
import app.baton.security.Role;
import app.baton.system.ApiException;
import app.baton.system.Problems;
import org.springframework.http.HttpStatus;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static app.baton.engine.model.Queue.AUTHORIZATIONS;
import static app.baton.engine.model.Queue.BEHAVIORAL_HEALTH;
import static app.baton.engine.model.Queue.BILINGUAL_BEHAVIORAL_HEALTH;
import static app.baton.engine.model.Queue.BILINGUAL_CARE_COORDINATION;
import static app.baton.engine.model.Queue.BILINGUAL_NURSING;
import static app.baton.engine.model.Queue.CARE_COORDINATION;
import static app.baton.engine.model.Queue.COMMUNITY_OUTREACH;
import static app.baton.engine.model.Queue.FRONT_DESK;
import static app.baton.engine.model.Queue.NURSING;
import static app.baton.engine.model.Queue.SATELLITE_FRONT_DESK;
import static app.baton.engine.model.Queue.SCHEDULING;

/**
 * Minimum necessary for work lists (45 CFR 164.514(d)): which queues' tasks each role may list, in
 * the API and the console alike. A role lists the queues it works; a clinical lead also lists the
 * clinical and coordination queues it leads (their escalations come to it). Behavioral health tasks
 * (the bilingual team's too) carry diagnosis-bearing text, so only clinical staff and clinical leads list them. Leadership
 * lists no queue: it works from the dashboards and the exception report (ids and codes), and opens
 * one task by id when it must (audited). Every other read of a single task is still scoped by
 * location, not by queue. docs/security.md lists the same table.
 */
final class QueueReaders {

    static final Map<Role, Set<Queue>> LISTS = Map.of(
            Role.CARE_COORDINATOR, EnumSet.of(CARE_COORDINATION, BILINGUAL_CARE_COORDINATION, COMMUNITY_OUTREACH),
            Role.CLINICAL_STAFF, EnumSet.of(NURSING, BILINGUAL_NURSING, BEHAVIORAL_HEALTH, BILINGUAL_BEHAVIORAL_HEALTH),
            Role.CLINICAL_LEAD, EnumSet.of(CARE_COORDINATION, BILINGUAL_CARE_COORDINATION, COMMUNITY_OUTREACH, NURSING, BILINGUAL_NURSING,
                    BEHAVIORAL_HEALTH, BILINGUAL_BEHAVIORAL_HEALTH),
            Role.FRONT_DESK, EnumSet.of(SCHEDULING, FRONT_DESK, SATELLITE_FRONT_DESK),
            Role.BILLING, EnumSet.of(AUTHORIZATIONS));

    private QueueReaders() {
    }

    /** The queues the current caller's roles list (the union of its roles'). */
    static Set<String> ofCurrentCaller() {
        Set<String> queues = new TreeSet<>();
        CurrentIdentity.find().ifPresent(identity -> identity.roles()
                .forEach(role -> LISTS.getOrDefault(role, Set.of()).forEach(queue -> queues.add(queue.name()))));
        return queues;
    }

    /**
     * The queue, if it exists and the caller may list it: else 400 (no such queue) or 403 naming the field,
     * after {@code onRefusal} has run (the refusal is audited as DENIED).
     */
    static String checked(String queue, Runnable onRefusal) {
        if (Arrays.stream(Queue.values()).noneMatch(q -> q.name().equals(queue))) {
            throw TrackerProblems.invalid("queue", "not a queue: one of " + String.join(", ", Arrays.stream(Queue.values()).map(Enum::name).toList()));
        }
        if (!ofCurrentCaller().contains(queue)) {
            onRefusal.run();
            throw new ApiException(HttpStatus.FORBIDDEN, "queue-not-allowed", "Not one of your roles' queues",
                    "your roles do not list this queue's tasks (minimum necessary); open a task you were sent by its id",
                    List.of(new Problems.FieldError("queue", "not listed by your roles")));
        }
        return queue;
    }
}

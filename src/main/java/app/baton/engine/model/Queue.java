package app.baton.engine.model;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The role queues a task can be routed to: the one list the routing table's "Queue" column and
 * the escalation table's "Notify" column are checked against. A new queue is a code change here
 * (and in the staff's work lists), not a typo in a cell.
 */
public enum Queue {
    CARE_COORDINATION, BILINGUAL_CARE_COORDINATION, BEHAVIORAL_HEALTH, COMMUNITY_OUTREACH,
    NURSING, SCHEDULING, FRONT_DESK, SATELLITE_FRONT_DESK, AUTHORIZATIONS,
    /** Bilingual teams within their discipline: language picks the team, never replaces the discipline. */
    BILINGUAL_BEHAVIORAL_HEALTH, BILINGUAL_NURSING;

    /** In the escalation table: the lead of whichever queue the routing table chose for the task. */
    public static final String ROUTED_QUEUE_LEAD = "QUEUE_LEAD";
    /** In the escalation table: the practice's leadership. */
    public static final String PRACTICE_LEADERSHIP = "PRACTICE_LEADERSHIP";

    /** Who is told about an escalation of a task in this queue. */
    public String lead() {
        return name() + "_LEAD";
    }

    /** Everyone an escalation row may notify: a queue's lead, the routed queue's lead, or leadership. */
    public static Set<String> recipients() {
        Set<String> recipients = new LinkedHashSet<>();
        recipients.add(ROUTED_QUEUE_LEAD);
        recipients.add(PRACTICE_LEADERSHIP);
        Arrays.stream(values()).map(Queue::lead).forEach(recipients::add);
        return recipients;
    }
}

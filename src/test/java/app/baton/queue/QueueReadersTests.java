package app.baton.queue;

import app.baton.engine.model.Queue;
import app.baton.security.Role;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The work-list table of docs/security.md: every queue has someone who works it, and diagnoses stay with clinicians. */
class QueueReadersTests {

    @Test
    void everyQueueIsListedBySomeRole() {
        Set<Queue> listed = EnumSet.noneOf(Queue.class);
        QueueReaders.LISTS.values().forEach(listed::addAll);

        assertThat(listed).containsExactlyInAnyOrder(Queue.values());
    }

    @Test
    void behavioralHealthIsListedByClinicalRolesOnly() {
        for (Queue behavioralHealth : new Queue[] {Queue.BEHAVIORAL_HEALTH, Queue.BILINGUAL_BEHAVIORAL_HEALTH}) {
            assertThat(QueueReaders.LISTS.entrySet()).filteredOn(e -> e.getValue().contains(behavioralHealth))
                    .extracting(e -> e.getKey()).as("%s", behavioralHealth).containsExactlyInAnyOrder(Role.CLINICAL_STAFF, Role.CLINICAL_LEAD);
        }
        assertThat(QueueReaders.LISTS).doesNotContainKeys(Role.LEADERSHIP, Role.INTEGRATION, Role.ADMIN, Role.COMPLIANCE_REVIEWER);
    }
}

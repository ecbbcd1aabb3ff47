package app.baton.escalation;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The recurring task's wiring (the test profile turns the schedule off and runs the sweep itself). */
class SweepTasksTests {

    @Test
    void theSweepIsOneNamedRecurringTask() {
        RecurringTask<Void> task = new SweepTasks().escalationSweepTask(null, new SweepProperties(null, Duration.ofSeconds(90), null, null, null, null));
        assertThat(task.getName()).isEqualTo("tracker-escalation-sweep");
    }

    @Test
    void settingsHaveDefaultsAndRefuseNonsense() {
        SweepProperties defaults = new SweepProperties(null, null, null, null, null, null);
        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.pageSize()).isEqualTo(500);
        assertThat(defaults.reminderBefore()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.earlyStepsWithin()).isEqualTo(Duration.ofDays(12));
        assertThat(defaults.businessHoursOnly()).isTrue();
        assertThatThrownBy(() -> new SweepProperties(true, Duration.ZERO, 500, Duration.ofHours(1), null, null)).hasMessageContaining("interval");
        assertThatThrownBy(() -> new SweepProperties(true, Duration.ofMinutes(1), 0, Duration.ofHours(1), null, null)).hasMessageContaining("page-size");
    }
}

package app.baton.escalation;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The escalation sweep ({@code baton.tracker.sweep.*}, docs/operations.md).
 *
 * @param enabled        whether this instance registers the recurring sweep on db-scheduler
 * @param interval       the wait between the end of one sweep and the start of the next
 * @param pageSize       open tasks per page; each page is evaluated, then stored in its own transaction
 * @param reminderBefore a task due within this much time (and not yet due) gets one reminder
 * @param earlyStepsWithin a task due within this much time is evaluated for the escalation table's steps before the
 *                         deadline (level 0: TCM with no attempt by business day 2, CCM short of 20 minutes by the 20th)
 * @param businessHoursOnly escalation steps are raised and sent only in the practice's business hours on a working day;
 *                          a step that comes due at night waits for the next business hour (the next sweep then)
 */
@ConfigurationProperties("baton.tracker.sweep")
record SweepProperties(Boolean enabled, Duration interval, Integer pageSize, Duration reminderBefore,
                       Duration earlyStepsWithin, Boolean businessHoursOnly) {

    SweepProperties {
        enabled = enabled == null || enabled;
        interval = interval == null ? Duration.ofMinutes(1) : interval;
        pageSize = pageSize == null ? 500 : pageSize;
        reminderBefore = reminderBefore == null ? Duration.ofHours(24) : reminderBefore;
        earlyStepsWithin = earlyStepsWithin == null ? Duration.ofDays(12) : earlyStepsWithin;
        businessHoursOnly = businessHoursOnly == null || businessHoursOnly;
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("baton.tracker.sweep.interval must be positive");
        }
        if (pageSize < 1 || pageSize > 10_000) {
            throw new IllegalArgumentException("baton.tracker.sweep.page-size must be 1 to 10000");
        }
        if (earlyStepsWithin.isNegative()) {
            throw new IllegalArgumentException("baton.tracker.sweep.early-steps-within must not be negative");
        }
        if (reminderBefore.isNegative()) {
            throw new IllegalArgumentException("baton.tracker.sweep.reminder-before must not be negative");
        }
    }
}

package app.baton.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;

/**
 * Monthly partitions of decision and audit_event (docs/operations.md, "Partitions and retention"): how often the
 * maintenance runs, how many months ahead it creates, where retention writes a partition before dropping it, and
 * how long each table keeps its rows (6 years by default, the HIPAA documentation retention period). A month is
 * dropped once all of it is older than its retention.
 */
@ConfigurationProperties("baton.partitions")
record PartitionProperties(@DefaultValue("true") boolean enabled,
                           @DefaultValue("6h") Duration interval,
                           @DefaultValue("3") int monthsAhead,
                           @DefaultValue("./data/exports") Path exportDir,
                           @DefaultValue Retention retention) {

    record Retention(@DefaultValue("6y") Period decision, @DefaultValue("6y") Period auditEvent) {
    }
}

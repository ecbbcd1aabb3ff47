package app.baton.audit;

import app.baton.decision.DecisionRetention;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the monthly partitions of decision and audit_event (V190-V193): creates the current month and the next
 * {@code months-ahead} (baton_month_partition, a no-op for a month that exists), warns when a default partition
 * holds rows (a month nobody created in time), and retires every month whose whole range is older than its table's
 * retention: writes it to {@code <export-dir>/<partition>.csv} (COPY, with a header) and a {@code .manifest} beside it
 * with the file's SHA-256, the row count and, for audit_event, the chain's first and last entries and hashes; records
 * the same in partition_export; then detaches and drops the partition in one transaction (for decision, with its
 * rows' idempotency keys). An audit month is retired only when all its entries are linked and a checkpoint lies at
 * or beyond its last entry, so no entry leaves the database before a verification has walked past it.
 */
class PartitionMaintenance {

    private static final Logger log = LoggerFactory.getLogger(PartitionMaintenance.class);
    private static final Pattern MONTH = Pattern.compile("_y(\\d{4})m(\\d{2})$");

    private final JdbcClient jdbc;
    private final DataSource owner;
    private final TransactionTemplate tx;
    private final PartitionExports exports;
    private final AuditCheckpoints checkpoints;
    private final PartitionProperties settings;
    private final Clock clock;

    PartitionMaintenance(DataSource owner, PartitionExports exports, AuditCheckpoints checkpoints,
                         PartitionProperties settings, Clock clock) {
        this.owner = owner;
        this.jdbc = JdbcClient.create(owner);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(owner));
        this.exports = exports;
        this.checkpoints = checkpoints;
        this.settings = settings;
        this.clock = clock;
    }

    /** A partitioned table and how long it keeps its rows. */
    record Table(String name, Period retention, String exportOrder) {
    }

    List<Table> tables() {
        return List.of(new Table("decision", settings.retention().decision(), "recorded_at, id"),
                new Table("audit_event", settings.retention().auditEvent(), "sequence_number nulls last, staged_number"));
    }

    void run() {
        Instant now = clock.instant();
        for (Table table : tables()) {
            try {
                createAhead(table.name(), now);
                retireOlderThan(table, cutoff(now, table.retention()));
            } catch (RuntimeException e) {
                log.error("partition maintenance of {} failed; the next run tries again", table.name(), e);
            }
        }
    }

    /** The first instant retention keeps: the start of the month {@code retention} before now's month. */
    static Instant cutoff(Instant now, Period retention) {
        LocalDate month = now.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
        return month.minus(retention).withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Creates this month's partition and the next {@code months-ahead}; returns the months that could not be made. */
    List<String> createAhead(String table, Instant now) {
        List<String> failed = new ArrayList<>();
        LocalDate month = now.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
        for (int i = 0; i <= settings.monthsAhead(); i++) {
            LocalDate first = month.plusMonths(i);
            try {
                jdbc.sql("select baton_month_partition(:table, :month)").param("table", table).param("month", first)
                        .query(String.class).single();
            } catch (RuntimeException e) {
                // A default partition holding rows of that month keeps PostgreSQL from creating it.
                failed.add(first.toString());
                log.error("could not create the {} partition of {} (does {}_default hold rows of that month? docs/operations.md)",
                        table, first, table, e);
            }
        }
        boolean defaultHoldsRows = jdbc.sql("select exists (select 1 from " + table + "_default)").query(Boolean.class).single();
        if (defaultHoldsRows) {
            log.warn("{}_default holds rows that no month partition took: see docs/operations.md, \"The default partitions\"", table);
        }
        return failed;
    }

    /** Exports, detaches and drops every month partition of {@code table} that ends at or before {@code cutoff}. */
    List<String> retireOlderThan(Table table, Instant cutoff) {
        List<String> retired = new ArrayList<>();
        for (Month partition : months(table.name())) {
            if (!partition.to().isAfter(cutoff)) {
                if (retire(table, partition)) {
                    retired.add(partition.name());
                }
            }
        }
        return retired;
    }

    private boolean retire(Table table, Month partition) {
        PartitionExports.ChainEnds chain = null;
        if (table.name().equals("audit_event")) {
            long staged = jdbc.sql("select count(*) from " + partition.name() + " where hash is null").query(Long.class).single();
            if (staged > 0) {
                log.warn("{} still holds {} staged audit entries; it is kept until they are linked", partition.name(), staged);
                return false;
            }
            chain = chainEnds(partition.name()).orElse(null);
            long verifiedUpTo = checkpoints.newest().map(AuditCheckpoints.Checkpoint::sequenceNumber).orElse(0L);
            if (chain != null && verifiedUpTo < chain.lastSequence()) {
                log.warn("{} ends at audit entry {} but the newest checkpoint is at {}; it is kept until a verification "
                        + "walks past it", partition.name(), chain.lastSequence(), verifiedUpTo);
                return false;
            }
        }
        Path dir = settings.exportDir();
        Path file = dir.resolve(partition.name() + ".csv");
        Written written = export(table, partition, file);
        PartitionExports.Export export = new PartitionExports.Export(table.name(), partition.name(), partition.from(),
                partition.to(), written.rows(), file.toAbsolutePath().toString(), written.sha256(), chain, clock.instant());
        writeManifest(dir.resolve(partition.name() + ".manifest"), export);
        tx.executeWithoutResult(status -> {
            exports.add(export, jdbc);
            jdbc.sql("alter table " + table.name() + " detach partition " + partition.name()).update();
            jdbc.sql("drop table " + partition.name()).update();
            if (table.name().equals("decision")) {
                DecisionRetention.forgetRequestKeys(jdbc, partition.from().atOffset(ZoneOffset.UTC), partition.to().atOffset(ZoneOffset.UTC));
            }
        });
        log.info("retired {}: {} rows exported to {} (sha256 {})", partition.name(), written.rows(), file, written.sha256());
        return true;
    }

    private Optional<PartitionExports.ChainEnds> chainEnds(String partition) {
        return jdbc.sql("""
                select f.sequence_number as first_sequence, f.previous_hash as first_previous_hash, f.hash as first_hash,
                       l.sequence_number as last_sequence, l.hash as last_hash
                from (select sequence_number, previous_hash, hash from %1$s where sequence_number is not null
                      order by sequence_number limit 1) f,
                     (select sequence_number, hash from %1$s where sequence_number is not null
                      order by sequence_number desc limit 1) l
                """.formatted(partition))
                .query((rs, row) -> new PartitionExports.ChainEnds(rs.getLong("first_sequence"), rs.getString("first_previous_hash"),
                        rs.getString("first_hash"), rs.getLong("last_sequence"), rs.getString("last_hash")))
                .optional();
    }

    private record Written(long rows, String sha256) {
    }

    /** COPY of the partition, in order, written to a temporary file first and moved into place once complete. */
    private Written export(Table table, Month partition, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long rows;
            try (Connection connection = owner.getConnection();
                 OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha256)) {
                rows = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(
                        "copy (select * from " + partition.name() + " order by " + table.exportOrder()
                                + ") to stdout with (format csv, header)", out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Written(rows, HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not export " + partition.name() + " to " + file, e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not export " + partition.name(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    private static void writeManifest(Path manifest, PartitionExports.Export export) {
        StringBuilder text = new StringBuilder()
                .append("table=").append(export.table()).append('\n')
                .append("partition=").append(export.partition()).append('\n')
                .append("from=").append(export.from()).append('\n')
                .append("to=").append(export.to()).append('\n')
                .append("rows=").append(export.rows()).append('\n')
                .append("file=").append(Path.of(export.file()).getFileName()).append('\n')
                .append("sha256=").append(export.fileSha256()).append('\n');
        if (export.chain() != null) {
            text.append("first_sequence_number=").append(export.chain().firstSequence()).append('\n')
                    .append("first_previous_hash=").append(export.chain().firstPreviousHash()).append('\n')
                    .append("first_hash=").append(export.chain().firstHash()).append('\n')
                    .append("last_sequence_number=").append(export.chain().lastSequence()).append('\n')
                    .append("last_hash=").append(export.chain().lastHash()).append('\n');
        }
        try {
            Files.writeString(manifest, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + manifest, e);
        }
    }

    /** A month partition of a table, by its name (table_yYYYYmMM), and the range it holds. */
    record Month(String name, Instant from, Instant to) {
    }

    List<Month> months(String table) {
        return jdbc.sql("""
                select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                where i.inhparent = cast(:table as regclass)
                order by c.relname
                """)
                .param("table", table)
                .query(String.class).list().stream()
                .map(name -> {
                    Matcher m = MONTH.matcher(name);
                    if (!m.find() || !name.equals(table + m.group())) {
                        return null;
                    }
                    LocalDate first = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1);
                    return new Month(name, first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                            first.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant());
                })
                .filter(java.util.Objects::nonNull)
                .toList();
    }
}

package app.baton.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The partition_export table: every month partition retention wrote to a file before dropping it, with the file's
 * SHA-256 and, for audit_event, the chain's ends inside it. The chain verification reads the audit ones to accept
 * the entries that left the database, and only those.
 */
@Repository
class PartitionExports {

    private final JdbcClient jdbc;

    PartitionExports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Export export) {
        add(export, jdbc);
    }

    /** Records the export through {@code through} (the maintenance's connection, in its detach-and-drop transaction). */
    void add(Export export, JdbcClient through) {
        through.sql("""
                insert into partition_export (table_name, partition_name, range_from, range_to, row_count, file, file_sha256,
                                              first_sequence, first_previous_hash, first_hash, last_sequence, last_hash, exported_at)
                values (:table, :partition, :from, :to, :rows, :file, :sha, :firstSeq, :firstPrev, :firstHash, :lastSeq, :lastHash, :at)
                """)
                .param("table", export.table()).param("partition", export.partition())
                .param("from", export.from().atOffset(ZoneOffset.UTC)).param("to", export.to().atOffset(ZoneOffset.UTC))
                .param("rows", export.rows()).param("file", export.file()).param("sha", export.fileSha256())
                .param("firstSeq", export.chain() == null ? null : export.chain().firstSequence(), java.sql.Types.BIGINT)
                .param("firstPrev", export.chain() == null ? null : export.chain().firstPreviousHash(), java.sql.Types.VARCHAR)
                .param("firstHash", export.chain() == null ? null : export.chain().firstHash(), java.sql.Types.VARCHAR)
                .param("lastSeq", export.chain() == null ? null : export.chain().lastSequence(), java.sql.Types.BIGINT)
                .param("lastHash", export.chain() == null ? null : export.chain().lastHash(), java.sql.Types.VARCHAR)
                .param("at", export.exportedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The exported audit_event partitions that held linked entries, in chain order. */
    List<Export> auditExports() {
        return jdbc.sql("""
                select table_name, partition_name, range_from, range_to, row_count, file, file_sha256, first_sequence,
                       first_previous_hash, first_hash, last_sequence, last_hash, exported_at
                from partition_export
                where table_name = 'audit_event' and last_sequence is not null
                order by last_sequence
                """)
                .query((rs, row) -> new Export(rs.getString("table_name"), rs.getString("partition_name"),
                        rs.getObject("range_from", OffsetDateTime.class).toInstant(),
                        rs.getObject("range_to", OffsetDateTime.class).toInstant(), rs.getLong("row_count"),
                        rs.getString("file"), rs.getString("file_sha256"),
                        new ChainEnds(rs.getLong("first_sequence"), rs.getString("first_previous_hash"), rs.getString("first_hash"),
                                rs.getLong("last_sequence"), rs.getString("last_hash")),
                        rs.getObject("exported_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** One exported partition; {@code chain} is null unless it is an audit_event partition that held linked entries. */
    record Export(String table, String partition, Instant from, Instant to, long rows, String file, String fileSha256,
                  ChainEnds chain, Instant exportedAt) {
    }

    /**
     * The chain inside an exported audit partition: its lowest and highest sequence numbers, the lowest one's previous
     * hash and hash, and the highest one's hash.
     */
    record ChainEnds(long firstSequence, String firstPreviousHash, String firstHash, long lastSequence, String lastHash) {
    }
}

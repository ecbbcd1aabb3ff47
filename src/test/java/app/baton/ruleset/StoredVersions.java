package app.baton.ruleset;

import app.baton.engine.RuleFile;
import app.baton.engine.StarterFiles;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes rule set versions straight into the database, past the upload and its checks: what an
 * older release, a restored backup or someone with database access may have left there.
 */
final class StoredVersions {

    private final JdbcClient jdbc;

    StoredVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A starter pack file as the repository holds it, byte for byte what version 1 holds. */
    static byte[] starter(String path) {
        return StarterFiles.load().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().content();
    }

    /**
     * A new version in {@code status} (a DRAFT whose gate passed, an APPROVED or a RETIRED version,
     * authored by clinlead, approved by clinlead2 where that applies): the starter pack with
     * {@code file} added, or replacing the file of the same path.
     */
    synchronized int withFile(RuleFile file, String status) {
        List<RuleFile> files = new ArrayList<>(StarterFiles.load().stream().filter(f -> !f.path().equals(file.path())).toList());
        files.add(file);
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from rule_set_version").query(Integer.class).single();
        boolean approved = !status.equals("DRAFT");
        jdbc.sql("""
                insert into rule_set_version (version, sha256, status, author, change_note, gate_passed, approver, approved_at)
                values (:version, :sha256, :status, 'clinlead', 'written into the database', true, :approver,
                        case when :approved then now() end)
                """)
                .param("version", version)
                .param("sha256", new RuleSetBundle(files).sha256())
                .param("status", status)
                .param("approver", approved ? "clinlead2" : null)
                .param("approved", approved)
                .update();
        for (RuleFile f : files) {
            jdbc.sql("insert into rule_set_file (version, path, sha256, content) values (:version, :path, :sha256, :content)")
                    .param("version", version)
                    .param("path", f.path())
                    .param("sha256", RuleSetBundle.sha256(f.content()))
                    .param("content", f.content())
                    .update();
        }
        return version;
    }
}

package app.baton.ruleset;

import app.baton.engine.RuleFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** Rule set versions and their files in PostgreSQL. */
@Repository
class RuleSetVersions {

    private final JdbcClient jdbc;

    RuleSetVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RuleSetVersion> active() {
        return jdbc.sql("""
                select version, sha256, status, author, change_note, created_at, activated_at
                from rule_set_version
                where status = 'ACTIVE'
                """)
                .query(RuleSetVersion.class)
                .optional();
    }

    Optional<RuleSetVersion> find(int version) {
        return jdbc.sql("""
                select version, sha256, status, author, change_note, created_at, activated_at
                from rule_set_version
                where version = :version
                """)
                .param("version", version)
                .query(RuleSetVersion.class)
                .optional();
    }

    List<RuleSetVersion> all() {
        return jdbc.sql("""
                select version, sha256, status, author, change_note, created_at, activated_at
                from rule_set_version
                order by version
                """)
                .query(RuleSetVersion.class)
                .list();
    }

    List<RuleFile> files(int version) {
        return jdbc.sql("""
                select path, content
                from rule_set_file
                where version = :version
                order by path
                """)
                .param("version", version)
                .query((rs, row) -> new RuleFile(rs.getString("path"), rs.getBytes("content")))
                .list();
    }

    boolean isEmpty() {
        return jdbc.sql("select not exists (select 1 from rule_set_version)").query(Boolean.class).single();
    }

    /** Serializes seeding across instances that start together on an empty database. */
    void lockForSeeding() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('baton.rule_set.seed'))").query().singleRow();
    }

    void insertActive(int version, RuleSetBundle bundle, String author, String note) {
        jdbc.sql("""
                insert into rule_set_version (version, sha256, status, author, change_note, activated_at)
                values (:version, :sha256, 'ACTIVE', :author, :note, now())
                """)
                .param("version", version)
                .param("sha256", bundle.sha256())
                .param("author", author)
                .param("note", note)
                .update();
        for (RuleFile file : bundle.files()) {
            jdbc.sql("""
                    insert into rule_set_file (version, path, sha256, content)
                    values (:version, :path, :sha256, :content)
                    """)
                    .param("version", version)
                    .param("path", file.path())
                    .param("sha256", RuleSetBundle.sha256(file.content()))
                    .param("content", file.content())
                    .update();
        }
    }

    void recordEvent(int version, String kind, String actor, String note) {
        jdbc.sql("""
                insert into rule_set_event (version, kind, actor, note)
                values (:version, :kind, :actor, :note)
                """)
                .param("version", version)
                .param("kind", kind)
                .param("actor", actor)
                .param("note", note)
                .update();
    }
}

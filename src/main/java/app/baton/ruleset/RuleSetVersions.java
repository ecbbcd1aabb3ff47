package app.baton.ruleset;

import app.baton.engine.RuleFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** Rule set versions, their files and their history in PostgreSQL. */
@Repository
class RuleSetVersions {

    private static final String COLUMNS = """
            version, sha256, status, author, change_note, created_at, activated_at,
            approver, approved_at, approval_note, base_version, gate_passed
            """;

    private final JdbcClient jdbc;

    RuleSetVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RuleSetVersion> active() {
        return jdbc.sql("select " + COLUMNS + " from rule_set_version where status = 'ACTIVE'")
                .query(RuleSetVersion.class)
                .optional();
    }

    Optional<RuleSetVersion> find(int version) {
        return jdbc.sql("select " + COLUMNS + " from rule_set_version where version = :version")
                .param("version", version)
                .query(RuleSetVersion.class)
                .optional();
    }

    /** The oldest version with exactly these files, if any. */
    Optional<RuleSetVersion> findBySha256(String sha256) {
        return jdbc.sql("select " + COLUMNS + " from rule_set_version where sha256 = :sha256 order by version limit 1")
                .param("sha256", sha256)
                .query(RuleSetVersion.class)
                .optional();
    }

    /** The version, locked until the transaction ends, so two lifecycle steps on it run one after the other. */
    Optional<RuleSetVersion> lock(int version) {
        return jdbc.sql("select " + COLUMNS + " from rule_set_version where version = :version for update")
                .param("version", version)
                .query(RuleSetVersion.class)
                .optional();
    }

    List<RuleSetVersion> all() {
        return jdbc.sql("select " + COLUMNS + " from rule_set_version order by version")
                .query(RuleSetVersion.class)
                .list();
    }

    /** Which version is active, read cheaply: the followers of other instances poll this. */
    Optional<Integer> activeVersion() {
        return jdbc.sql("select version from rule_set_version where status = 'ACTIVE'").query(Integer.class).optional();
    }

    /** The newest approved versions that wait for their activation, newest first: warmed ahead at start. */
    List<Integer> approvedVersions(int limit) {
        return jdbc.sql("select version from rule_set_version where status = 'APPROVED' order by version desc limit :limit")
                .param("limit", limit).query(Integer.class).list();
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
        advisoryLock("baton.rule_set.seed");
    }

    /** Serializes numbering of new versions, and activations, across instances, until the transaction ends. */
    void lockLifecycle() {
        advisoryLock("baton.rule_set.lifecycle");
    }

    private void advisoryLock(String name) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:name))").param("name", name).query().singleRow();
    }

    int nextVersion() {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from rule_set_version").query(Integer.class).single();
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
        insertFiles(version, bundle);
    }

    void insertDraft(int version, RuleSetBundle bundle, String author, String note, Integer baseVersion,
                     boolean gatePassed, String unexercisedJson) {
        jdbc.sql("""
                insert into rule_set_version (version, sha256, status, author, change_note, base_version,
                                              gate_passed, unexercised_rules)
                values (:version, :sha256, 'DRAFT', :author, :note, :base, :gate, cast(:unexercised as jsonb))
                """)
                .param("version", version)
                .param("sha256", bundle.sha256())
                .param("author", author)
                .param("note", note)
                .param("base", baseVersion)
                .param("gate", gatePassed)
                .param("unexercised", unexercisedJson)
                .update();
        insertFiles(version, bundle);
    }

    private void insertFiles(int version, RuleSetBundle bundle) {
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

    void approve(int version, String approver, String note) {
        jdbc.sql("""
                update rule_set_version
                set status = 'APPROVED', approver = :approver, approved_at = now(), approval_note = :note
                where version = :version and status = 'DRAFT'
                """)
                .param("version", version)
                .param("approver", approver)
                .param("note", note)
                .update();
    }

    /** Retires the active version, if any, and activates {@code version}; returns the retired one. */
    Optional<Integer> activate(int version) {
        Optional<Integer> retired = jdbc.sql("""
                update rule_set_version set status = 'RETIRED' where status = 'ACTIVE' returning version
                """)
                .query(Integer.class)
                .optional();
        jdbc.sql("update rule_set_version set status = 'ACTIVE', activated_at = now() where version = :version")
                .param("version", version)
                .update();
        return retired;
    }

    /** Tells every instance listening on the channel that the active version changed; delivered at commit. */
    void notifyActivated(int version) {
        notifyFollowers(ActiveVersionFollower.ACTIVATED + version);
    }

    /** Tells every instance that a version was approved, so they compile it before it is activated. */
    void notifyApproved(int version) {
        notifyFollowers(ActiveVersionFollower.APPROVED + version);
    }

    private void notifyFollowers(String payload) {
        jdbc.sql("select pg_notify(:channel, :payload)")
                .param("channel", ActiveVersionFollower.CHANNEL)
                .param("payload", payload)
                .query()
                .singleRow();
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

    List<RuleSetEvent> events(int version) {
        return jdbc.sql("select version, kind, actor, note, at from rule_set_event where version = :version order by id")
                .param("version", version)
                .query(RuleSetEvent.class)
                .list();
    }

    List<UnexercisedRule> unexercisedRules(int version) {
        return jdbc.sql("""
                select r.rule, r.source
                from rule_set_version v, jsonb_to_recordset(v.unexercised_rules) as r(rule text, source text)
                where v.version = :version
                """)
                .param("version", version)
                .query(UnexercisedRule.class)
                .list();
    }
}

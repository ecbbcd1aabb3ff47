package app.baton.ruleset;

import app.baton.engine.CompiledForm;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/**
 * The compiled forms of rule set versions in PostgreSQL ({@code rule_set_compiled}): derived data that
 * saves a start or an activation the compile. A version keeps the form of the build that compiled it last;
 * forms of other builds are replaced then.
 */
@Repository
class CompiledForms {

    private final JdbcClient jdbc;

    CompiledForms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The version's form under this fingerprint, if one is stored. */
    Optional<CompiledForm> find(int version, String fingerprint) {
        return jdbc.sql("select fingerprint, content, sha256 from rule_set_compiled where version = :version and fingerprint = :fingerprint")
                .param("version", version)
                .param("fingerprint", fingerprint)
                .query((rs, row) -> CompiledForm.stored(rs.getString("fingerprint"), rs.getBytes("content"), rs.getString("sha256")))
                .optional();
    }

    /** Whether the version has a form under another fingerprint (from other files or another build). */
    boolean hasOther(int version, String fingerprint) {
        return jdbc.sql("select exists (select 1 from rule_set_compiled where version = :version and fingerprint <> :fingerprint)")
                .param("version", version)
                .param("fingerprint", fingerprint)
                .query(Boolean.class)
                .single();
    }

    /** Stores the form; an equal one stored by another instance meanwhile stays, forms of other builds go. */
    void save(int version, CompiledForm form) {
        jdbc.sql("""
                insert into rule_set_compiled (version, fingerprint, sha256, content)
                values (:version, :fingerprint, :sha256, :content)
                on conflict (version, fingerprint) do nothing
                """)
                .param("version", version)
                .param("fingerprint", form.fingerprint())
                .param("sha256", form.sha256())
                .param("content", form.bytes())
                .update();
        jdbc.sql("delete from rule_set_compiled where version = :version and fingerprint <> :fingerprint")
                .param("version", version)
                .param("fingerprint", form.fingerprint())
                .update();
    }

    /** Drops a form that was refused, so that the next start does not read it again. */
    void delete(int version, String fingerprint) {
        jdbc.sql("delete from rule_set_compiled where version = :version and fingerprint = :fingerprint")
                .param("version", version)
                .param("fingerprint", fingerprint)
                .update();
    }
}

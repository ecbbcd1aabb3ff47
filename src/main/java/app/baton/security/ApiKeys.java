package app.baton.security;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API keys in PostgreSQL, by hash; never deleted, only revoked. */
@Repository
class ApiKeys {

    private static final String COLUMNS = """
            id, name, prefix, key_sha256, roles, locations, source_systems, created_at, created_by, expires_at, revoked_at, last_used_at
            """;
    private static final RowMapper<ApiKeyRow> ROW = (rs, n) -> new ApiKeyRow(rs.getObject("id", UUID.class),
            rs.getString("name"), rs.getString("prefix"), rs.getString("key_sha256"),
            SqlValues.roles(rs.getArray("roles")), SqlValues.strings(rs.getArray("locations")),
            SqlValues.strings(rs.getArray("source_systems")),
            SqlValues.instant(rs, "created_at"), rs.getString("created_by"), SqlValues.instant(rs, "expires_at"),
            SqlValues.instant(rs, "revoked_at"), SqlValues.instant(rs, "last_used_at"));

    private final JdbcClient jdbc;

    ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiKeyRow key) {
        insert(key, "do nothing");
    }

    /** Stores the key, or makes a revoked key with the same hash usable again (the demo key). */
    void insertOrReinstate(ApiKeyRow key) {
        insert(key, "do update set revoked_at = null, source_systems = excluded.source_systems");
    }

    private void insert(ApiKeyRow key, String onConflict) {
        jdbc.sql("""
                        insert into api_key (id, name, prefix, key_sha256, roles, locations, source_systems, created_by, expires_at)
                        values (:id, :name, :prefix, :sha, :roles, :locations, :sourceSystems, :createdBy, :expiresAt)
                        on conflict (key_sha256)
                        """ + onConflict)
                .param("id", key.id())
                .param("name", key.name())
                .param("prefix", key.prefix())
                .param("sha", key.keySha256())
                .param("roles", SqlValues.array(key.roles()))
                .param("locations", SqlValues.array(key.locations()))
                .param("sourceSystems", SqlValues.array(key.sourceSystems()))
                .param("createdBy", key.createdBy())
                .param("expiresAt", SqlValues.time(key.expiresAt()))
                .update();
    }

    Optional<ApiKeyRow> findByHash(String sha256) {
        return jdbc.sql("select " + COLUMNS + " from api_key where key_sha256 = :sha").param("sha", sha256).query(ROW).optional();
    }

    Optional<ApiKeyRow> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from api_key where id = :id").param("id", id).query(ROW).optional();
    }

    List<ApiKeyRow> findAll() {
        return jdbc.sql("select " + COLUMNS + " from api_key order by created_at, id").query(ROW).list();
    }

    /** Revokes a key that is not revoked yet; a second revocation keeps the first time. */
    boolean revoke(UUID id, Instant now) {
        return jdbc.sql("update api_key set revoked_at = :now where id = :id and revoked_at is null")
                .param("id", id).param("now", SqlValues.time(now)).update() == 1;
    }

    /** Revokes every other key of this name: a restarted demo replaces its key. */
    void revokeOthersNamed(String name, String keepSha256, Instant now) {
        jdbc.sql("update api_key set revoked_at = :now where name = :name and key_sha256 <> :sha and revoked_at is null")
                .param("name", name).param("sha", keepSha256).param("now", SqlValues.time(now)).update();
    }

    void touch(UUID id, Instant now) {
        jdbc.sql("update api_key set last_used_at = :now where id = :id").param("id", id).param("now", SqlValues.time(now)).update();
    }
}

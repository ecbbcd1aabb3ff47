package app.baton.security;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** People's accounts in PostgreSQL, with their lock-out state. */
@Repository
class Users {

    private static final String COLUMNS = """
            id, username, password_hash, roles, locations, enabled, failed_attempts, locked_until, created_at
            """;
    private static final RowMapper<UserRow> ROW = (rs, n) -> new UserRow(rs.getObject("id", UUID.class),
            rs.getString("username"), rs.getString("password_hash"), SqlValues.roles(rs.getArray("roles")),
            SqlValues.strings(rs.getArray("locations")), rs.getBoolean("enabled"), rs.getInt("failed_attempts"),
            SqlValues.instant(rs, "locked_until"), SqlValues.instant(rs, "created_at"));

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new account; empty when the user name (in any case) is taken. */
    Optional<UUID> insert(String username, String passwordHash, Set<Role> roles, Set<String> locations) {
        return jdbc.sql("""
                        insert into app_user (id, username, password_hash, roles, locations)
                        values (:id, :username, :hash, :roles, :locations)
                        on conflict (lower(username)) do nothing
                        returning id
                        """)
                .param("id", UUID.randomUUID())
                .param("username", username)
                .param("hash", passwordHash)
                .param("roles", SqlValues.array(roles))
                .param("locations", SqlValues.array(locations))
                .query(UUID.class)
                .optional();
    }

    Optional<UserRow> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from app_user where lower(username) = lower(:username)")
                .param("username", username).query(ROW).optional();
    }

    Optional<UserRow> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from app_user where id = :id").param("id", id).query(ROW).optional();
    }

    List<UserRow> findAll() {
        return jdbc.sql("select " + COLUMNS + " from app_user order by lower(username)").query(ROW).list();
    }

    boolean update(UUID id, Set<Role> roles, Set<String> locations, boolean enabled) {
        return jdbc.sql("update app_user set roles = :roles, locations = :locations, enabled = :enabled where id = :id")
                .param("id", id)
                .param("roles", SqlValues.array(roles))
                .param("locations", SqlValues.array(locations))
                .param("enabled", enabled)
                .update() == 1;
    }

    /**
     * Counts one more wrong password; the one that reaches {@code maxFailures} locks the account
     * until {@code lockUntil} and starts the count again. Atomic, so parallel guesses all count.
     */
    void recordFailure(UUID id, int maxFailures, Instant lockUntil) {
        jdbc.sql("""
                        update app_user
                        set failed_attempts = case when failed_attempts + 1 >= :max then 0 else failed_attempts + 1 end,
                            locked_until    = case when failed_attempts + 1 >= :max then :lockUntil else locked_until end
                        where id = :id
                        """)
                .param("id", id)
                .param("max", maxFailures)
                .param("lockUntil", SqlValues.time(lockUntil))
                .update();
    }

    /** A right password, or an administrator's unlock: no failures, no lock. */
    boolean clearFailures(UUID id) {
        return jdbc.sql("update app_user set failed_attempts = 0, locked_until = null where id = :id")
                .param("id", id).update() == 1;
    }
}

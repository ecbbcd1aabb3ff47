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
            id, username, password_hash, roles, locations, enabled, failed_attempts, locked_until, created_at, security_stamp
            """;
    private static final RowMapper<UserRow> ROW = (rs, n) -> new UserRow(rs.getObject("id", UUID.class),
            rs.getString("username"), rs.getString("password_hash"), SqlValues.roles(rs.getArray("roles")),
            SqlValues.strings(rs.getArray("locations")), rs.getBoolean("enabled"), rs.getInt("failed_attempts"),
            SqlValues.instant(rs, "locked_until"), SqlValues.instant(rs, "created_at"), rs.getLong("security_stamp"));

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

    /** Changes what an administrator changes; a new security stamp ends the user's sessions. */
    boolean update(UUID id, Set<Role> roles, Set<String> locations, boolean enabled) {
        return jdbc.sql("""
                        update app_user
                        set roles = :roles, locations = :locations, enabled = :enabled, security_stamp = security_stamp + 1
                        where id = :id
                        """)
                .param("id", id)
                .param("roles", SqlValues.array(roles))
                .param("locations", SqlValues.array(locations))
                .param("enabled", enabled)
                .update() == 1;
    }

    /**
     * Whether an enabled administrator other than this user exists. Takes a lock until the transaction
     * ends first, so that two administrators demoting each other at once cannot both succeed.
     */
    boolean anotherEnabledAdmin(UUID id) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('baton.users.administrators'))").query().singleRow();
        return jdbc.sql("select exists (select 1 from app_user where enabled and 'ADMIN' = any(roles) and id <> :id)")
                .param("id", id).query(Boolean.class).single();
    }

    /** Whether any enabled administrator exists (someone can log in to create the other users). */
    boolean anyEnabledAdmin() {
        return jdbc.sql("select exists (select 1 from app_user where enabled and 'ADMIN' = any(roles))").query(Boolean.class).single();
    }

    /** An administrator's password reset; a new security stamp ends the user's sessions. */
    boolean setPassword(UUID id, String passwordHash) {
        return jdbc.sql("update app_user set password_hash = :hash, security_stamp = security_stamp + 1 where id = :id")
                .param("id", id).param("hash", passwordHash).update() == 1;
    }

    /** The state of one password guess: the wrong guesses in the lock window so far, this one included. */
    record Guess(int attempt, long securityStamp) {
    }

    /**
     * Takes a guess before its password is checked: one statement counts it and, when it is the
     * {@code maxFailures}-th, locks the account until {@code lockUntil} and ends its sessions (new stamp).
     * Empty while the account is locked, so however many guesses arrive at once, at most
     * {@code maxFailures} of them per lock window get a password check. An expired lock starts the count again.
     */
    Optional<Guess> takeGuess(UUID id, int maxFailures, Instant now, Instant lockUntil) {
        return jdbc.sql("""
                        update app_user
                        set failed_attempts = case when locked_until <= :now then 1 else failed_attempts + 1 end,
                            locked_until    = case when (case when locked_until <= :now then 1 else failed_attempts + 1 end) >= :max
                                                   then :lockUntil end,
                            security_stamp  = security_stamp
                                              + case when (case when locked_until <= :now then 1 else failed_attempts + 1 end) >= :max
                                                     then 1 else 0 end
                        where id = :id and (locked_until is null or locked_until <= :now)
                        returning failed_attempts, security_stamp
                        """)
                .param("id", id)
                .param("max", maxFailures)
                .param("now", SqlValues.time(now))
                .param("lockUntil", SqlValues.time(lockUntil))
                .query((rs, n) -> new Guess(rs.getInt("failed_attempts"), rs.getLong("security_stamp")))
                .optional();
    }

    /** A right password: the guesses taken so far are forgiven. */
    void clearFailures(UUID id) {
        jdbc.sql("update app_user set failed_attempts = 0, locked_until = null where id = :id").param("id", id).update();
    }

    /** An administrator ends a lock-out; like every change by an administrator, with a new stamp. */
    boolean unlock(UUID id) {
        return jdbc.sql("update app_user set failed_attempts = 0, locked_until = null, security_stamp = security_stamp + 1 where id = :id")
                .param("id", id).update() == 1;
    }

    /** The account's standing, read on every request of a browser session: empty when the user is gone. */
    Optional<Standing> standing(UUID id) {
        return jdbc.sql("select enabled, security_stamp from app_user where id = :id")
                .param("id", id)
                .query((rs, n) -> new Standing(rs.getBoolean("enabled"), rs.getLong("security_stamp")))
                .optional();
    }

    record Standing(boolean enabled, long securityStamp) {
    }
}

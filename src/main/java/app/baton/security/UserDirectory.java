package app.baton.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Who holds an account, for modules that address people (notifications): enabled users by role,
 * and one user by name. Names only; password hashes and lock-out state stay inside this module.
 */
@Component
public class UserDirectory {

    private final JdbcClient jdbc;

    UserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The names of the enabled users who hold this role, in name order. */
    public List<String> enabledUsersWithRole(Role role) {
        return jdbc.sql("select username from app_user where enabled and :role = any(roles) order by lower(username)")
                .param("role", role.name())
                .query(String.class)
                .list();
    }

    /**
     * The names of the enabled users who hold this role and see patients of this location (theirs, or
     * every location); {@code location} null: all of them.
     */
    public List<String> enabledUsersWithRole(Role role, String location) {
        if (location == null) {
            return enabledUsersWithRole(role);
        }
        return jdbc.sql("""
                        select username from app_user where enabled and :role = any(roles)
                        and ('*' = any(locations) or :location = any(locations)) order by lower(username)""")
                .param("role", role.name()).param("location", location)
                .query(String.class)
                .list();
    }

    /** An enabled user who sees patients of this location ({@code location} null: any enabled user). */
    public Optional<String> enabledUser(String username, String location) {
        if (location == null) {
            return enabledUser(username);
        }
        return jdbc.sql("""
                        select username from app_user where enabled and lower(username) = lower(:username)
                        and ('*' = any(locations) or :location = any(locations))""")
                .param("username", username).param("location", location)
                .query(String.class)
                .optional();
    }

    /** The stored spelling of an enabled user's name (names are compared without case). */
    public Optional<String> enabledUser(String username) {
        return jdbc.sql("select username from app_user where enabled and lower(username) = lower(:username)")
                .param("username", username)
                .query(String.class)
                .optional();
    }

    /**
     * The stored spelling of an enabled user who holds {@code role} and works at {@code location} (or at every
     * location): who may own a task routed to that role at that location.
     */
    public Optional<String> enabledUserWorking(String username, String role, String location) {
        return jdbc.sql("""
                        select username from app_user
                        where enabled and lower(username) = lower(:username) and :role = any(roles)
                          and ('*' = any(locations) or :location = any(locations))
                        """)
                .param("username", username)
                .param("role", role)
                .param("location", location)
                .query(String.class)
                .optional();
    }
}

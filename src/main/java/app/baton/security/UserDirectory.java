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

    /** The stored spelling of an enabled user's name (names are compared without case). */
    public Optional<String> enabledUser(String username) {
        return jdbc.sql("select username from app_user where enabled and lower(username) = lower(:username)")
                .param("username", username)
                .query(String.class)
                .optional();
    }
}

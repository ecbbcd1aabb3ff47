package app.baton.notification;

import app.baton.security.Role;

/**
 * Who should hear about a notice: a role queue, a role and/or one person. The in-app recipients are
 * the union: the named user, the users holding the role, and the users holding the role that works
 * the queue ({@code baton.notifications.queue-roles}). At least one part is given.
 *
 * @param queue    a queue code such as {@code CARE_COORDINATION}, or null
 * @param role     a role, or null
 * @param username a user name, or null
 */
public record Audience(String queue, Role role, String username) {

    public Audience {
        if (queue == null && role == null && username == null) {
            throw new IllegalArgumentException("an audience names a queue, a role or a user");
        }
        if (queue != null && !Notice.CODE.matcher(queue).matches()) {
            throw new IllegalArgumentException("queue must be a code: " + Notice.CODE.pattern());
        }
        if (username != null && (username.isBlank() || username.length() > 64)) {
            throw new IllegalArgumentException("username must be 1 to 64 characters");
        }
    }

    public static Audience queue(String queue) {
        return new Audience(queue, null, null);
    }

    public static Audience role(Role role) {
        return new Audience(null, role, null);
    }

    public static Audience user(String username) {
        return new Audience(null, null, username);
    }
}

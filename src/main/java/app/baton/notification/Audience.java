package app.baton.notification;

import app.baton.security.Role;

/**
 * Who should hear about a notice: a role queue, a role and/or one person. The in-app recipients are
 * the union: the named user, the users holding the role, and the users holding the role that works
 * the queue ({@code baton.notifications.queue-roles}). At least one part is given. A notice about a
 * patient names the patient's location: then only people whose locations include it hear of it,
 * whatever their role (minimum necessary: a nurse of one clinic does not learn of another's discharges).
 *
 * @param queue    a queue code such as {@code CARE_COORDINATION}, or null
 * @param role     a role, or null
 * @param username a user name, or null
 * @param location the location of the patient the notice is about; null for a notice about no patient
 */
public record Audience(String queue, Role role, String username, String location) {

    public Audience(String queue, Role role, String username) {
        this(queue, role, username, null);
    }

    public Audience {
        if (queue == null && role == null && username == null) {
            throw new IllegalArgumentException("an audience names a queue, a role or a user");
        }
        if (queue != null && !CodeShape.CODE.matches(queue)) {
            throw new IllegalArgumentException("queue must be a code: " + CodeShape.CODE.pattern());
        }
        if (username != null && (username.isBlank() || username.length() > 64)) {
            throw new IllegalArgumentException("username must be 1 to 64 characters");
        }
        if (location != null && (location.isBlank() || location.length() > 64)) {
            throw new IllegalArgumentException("location must be 1 to 64 characters");
        }
    }

    /** The same audience, narrowed to the people of this location (null: no narrowing). */
    public Audience at(String location) {
        return new Audience(queue, role, username, location);
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

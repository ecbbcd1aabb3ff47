package app.baton.security;

/**
 * A login: a person opened a console session with the login form (SUCCEEDED), or a user name and
 * password were refused (form login or HTTP Basic). A successful HTTP Basic call is no login.
 */
public record LoginAttempted(String username, Result result) {

    public enum Result { SUCCEEDED, WRONG_PASSWORD, UNKNOWN_USER, LOCKED, DISABLED }

    public boolean succeeded() {
        return result == Result.SUCCEEDED;
    }
}

package app.baton.security;

/** Someone tried to log in with a user name and password (form login or HTTP Basic). */
public record LoginAttempted(String username, Result result) {

    public enum Result { SUCCEEDED, WRONG_PASSWORD, UNKNOWN_USER, LOCKED, DISABLED }

    public boolean succeeded() {
        return result == Result.SUCCEEDED;
    }
}

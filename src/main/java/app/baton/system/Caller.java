package app.baton.system;

/**
 * Who acts and from where, captured on the thread that serves the request, so that work done
 * later on another thread (the decision recorder) is still attributed to the right caller.
 */
public record Caller(Actor actor, String sourceAddress, String correlationId, boolean emergency) {

    public static Caller system() {
        return new Caller(Actor.SYSTEM, null, null, false);
    }
}

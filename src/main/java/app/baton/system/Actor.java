package app.baton.system;

import java.util.Objects;

/** Who acts: a person, an app's API key, a token from an identity provider, Baton itself, or nobody known. */
public record Actor(String name, Type type) {

    public enum Type { USER, API_KEY, JWT, SYSTEM, ANONYMOUS }

    public static final Actor SYSTEM = new Actor("system", Type.SYSTEM);
    public static final Actor ANONYMOUS = new Actor("anonymous", Type.ANONYMOUS);

    public Actor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}

package app.baton.security;

import java.io.Serializable;
import java.util.Set;

/**
 * Who is calling: a person (password or session), an app (API key) or a bearer of a JWT from
 * the identity provider, with the roles and locations that bound what it may do and see.
 *
 * @param id        stable and unique per caller: the user's or the API key's id, or the JWT subject
 * @param name      for people to read: the user name, the API key's name, or the JWT subject
 * @param locations the locations whose patients the caller sees; {@value #ALL_LOCATIONS} means all
 */
public record Identity(String id, String name, Kind kind, Set<Role> roles, Set<String> locations) implements Serializable {

    public static final String ALL_LOCATIONS = "*";

    /** {@code EHR}: an EHR calling the CDS Hooks service with its own signed JWT. */
    public enum Kind { USER, API_KEY, JWT, EHR }

    public Identity {
        roles = Set.copyOf(roles);
        locations = Set.copyOf(locations);
    }

    /** Whether the patients of this location are the caller's to see. */
    public boolean seesLocation(String location) {
        return locations.contains(ALL_LOCATIONS) || locations.contains(location);
    }
}

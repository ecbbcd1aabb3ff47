package app.baton.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a verified JWT into a {@link Identity}: the subject, the roles named in the roles claim
 * (names Baton does not know are ignored) and the locations claim (absent: no location).
 */
final class JwtIdentities implements Converter<Jwt, IdentityAuthentication> {

    private static final Set<String> KNOWN_ROLES = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet());

    private final String rolesClaim;
    private final String locationsClaim;

    JwtIdentities(SecuritySettings.Jwt settings) {
        this.rolesClaim = settings.rolesClaim();
        this.locationsClaim = settings.locationsClaim();
    }

    @Override
    public IdentityAuthentication convert(Jwt jwt) {
        Set<Role> roles = strings(jwt, rolesClaim).stream().filter(KNOWN_ROLES::contains).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        Set<String> locations = Set.copyOf(strings(jwt, locationsClaim));
        return new IdentityAuthentication(new Identity(jwt.getSubject(), jwt.getSubject(), Identity.Kind.JWT, roles, locations));
    }

    /** A claim as a list of strings: a JSON array, or one space-separated string (as OAuth scopes are written). */
    private static List<String> strings(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (value instanceof String text && !text.isBlank()) {
            return List.of(text.trim().split("\\s+"));
        }
        return List.of();
    }
}

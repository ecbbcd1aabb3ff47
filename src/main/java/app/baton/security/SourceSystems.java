package app.baton.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Who may take in events of an intake source system ({@code sourceSystem} of a referral or
 * discharge). A source system that an unrevoked API key names is reserved to the keys that name
 * it: another key, a person or a JWT client sending it is refused, so nobody can take a hospital
 * feed's next {@code sourceId} first and make the real message a conflict. A source system no key
 * names is open to every client that may take in intakes (people entering a phoned-in referral).
 */
@Component
public class SourceSystems {

    /** What a key's source system looks like: a code, not prose. */
    public static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    public static final String CODE_RULE = "1 to 64 letters, digits and . _ -, starting with a letter or digit";

    private final JdbcClient jdbc;

    SourceSystems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the current caller may send events of this source system (one indexed read of the few keys). */
    public boolean currentCallerMaySend(String sourceSystem) {
        List<String> owners = jdbc.sql("select id::text from api_key where revoked_at is null and :system = any(source_systems)")
                .param("system", sourceSystem).query(String.class).list();
        if (owners.isEmpty()) {
            return true;
        }
        return CurrentIdentity.find()
                .filter(identity -> identity.kind() == Identity.Kind.API_KEY && owners.contains(identity.id()))
                .isPresent();
    }
}

package app.baton.security;

import java.text.Normalizer;
import java.util.Locale;

/**
 * User names as Baton keeps and compares them: NFKC-normalized (full-width and other compatibility
 * forms become their plain letters), trimmed and lower-case, then held to {@link #PATTERN} (ASCII
 * letters and digits with . _ @ - inside), so that no two names look alike: a trailing space, a
 * zero-width character or a Cyrillic "а" in place of a Latin "a" is refused, not a second "nurse".
 */
public final class UserNames {

    /** 1 to 64 characters; starts and ends with a letter or digit. */
    public static final String PATTERN = "[a-z0-9]([a-z0-9._@-]{0,62}[a-z0-9])?";
    public static final String RULE = "1 to 64 of a-z, 0-9 and . _ @ - (starting and ending with a letter or digit)";

    private UserNames() {
    }

    public static String normalize(String name) {
        return name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }
}

package app.baton.cdshooks;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code baton.cds-hooks.*} settings of the hooks themselves (the security module reads the EHR allow-list's
 * issuers and keys from the same entries).
 *
 * @param consoleUrl where Baton's console is, for the absolute links on cards
 * @param ehrs       per EHR (by the name the security module knows it by), the FHIR servers Baton may read from
 */
@ConfigurationProperties("baton.cds-hooks")
record CdsHooksSettings(String consoleUrl, List<Ehr> ehrs) {

    CdsHooksSettings {
        consoleUrl = consoleUrl == null ? "" : consoleUrl.replaceAll("/+$", "");
        ehrs = ehrs == null ? List.of() : List.copyOf(ehrs);
    }

    /**
     * What Baton reads of one EHR's entry.
     *
     * @param name        the EHR's name (as its tokens are known by: actor {@code ehr:<name>})
     * @param fhirServers the base URLs of the FHIR servers a hook call of this EHR may name as {@code fhirServer} for
     *                    Baton to read missing prefetch from; none: Baton reads from no FHIR server for it
     */
    record Ehr(String name, List<String> fhirServers) {

        Ehr {
            fhirServers = fhirServers == null ? List.of() : fhirServers.stream().filter(Objects::nonNull).map(url -> {
                String base = base(url);
                if (base == null) {
                    throw new IllegalArgumentException("baton.cds-hooks.ehrs[" + name + "].fhir-servers: '" + url
                            + "' is not an absolute http(s) base URL without user info, query or fragment");
                }
                return base;
            }).toList();
        }
    }

    /**
     * Whether {@code fhirServer} is a base URL on the list of the EHR named {@code ehrName}: the same scheme, host, port
     * and path (scheme and host in any case, a trailing slash ignored, the default port written or not); never a URL with
     * user information, a query or a fragment.
     */
    boolean allowsFhirServer(String ehrName, String fhirServer) {
        String wanted = base(fhirServer);
        return wanted != null && ehrs.stream().filter(e -> e.name() != null && e.name().equals(ehrName))
                .anyMatch(e -> e.fhirServers().contains(wanted));
    }

    /** A base URL in one spelling, or null when it is not an absolute http(s) URL without user info, query or fragment. */
    static String base(String url) {
        try {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return null;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port + path;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

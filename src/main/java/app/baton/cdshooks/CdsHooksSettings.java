package app.baton.cdshooks;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code baton.cds-hooks.*} settings of the hooks themselves (the security module reads the EHR allow-list).
 *
 * @param consoleUrl where Baton's console is, for the absolute links on cards
 */
@ConfigurationProperties("baton.cds-hooks")
record CdsHooksSettings(String consoleUrl) {

    CdsHooksSettings {
        consoleUrl = consoleUrl == null ? "" : consoleUrl.replaceAll("/+$", "");
    }
}

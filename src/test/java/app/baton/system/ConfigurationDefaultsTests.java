package app.baton.system;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator gets without setting anything (application.yaml), and what the demo profile changes:
 * readable console logs (JSON only when asked for), and a session cookie sent over https only except on
 * the demo profile's plain-http localhost.
 */
class ConfigurationDefaultsTests {

    private static StandardEnvironment environment(String... files) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        for (String file : files) {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
            sources.forEach(source -> environment.getPropertySources().addFirst(source));
        }
        return environment;
    }

    @Test
    void withoutSettingsLogsAreReadableAndTheSessionCookieIsSecure() throws IOException {
        StandardEnvironment defaults = environment("application.yaml");

        assertThat(defaults.getProperty("logging.structured.format.console")).isNull();
        assertThat(defaults.getProperty("server.servlet.session.cookie.secure", Boolean.class)).isTrue();
    }

    @Test
    void theDemoProfileSendsItsCookieOverPlainHttpOnLocalhost() throws IOException {
        StandardEnvironment demo = environment("application.yaml", "application-demo.yaml");

        assertThat(demo.getProperty("server.servlet.session.cookie.secure", Boolean.class)).isFalse();
        assertThat(demo.getProperty("logging.structured.format.console")).isNull();
    }
}

package app.baton.cdshooks;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The words for codes on cards, from the console's one list of labels ({@code console/labels.properties}), read here
 * rather than through the console's bean: the console and the audit trail depend on this module, so it cannot
 * depend on them. A code without a label is shown as it is.
 */
@Component
class CodeLabels {

    private final Properties labels = new Properties();

    CodeLabels() {
        try (InputStream in = new ClassPathResource("console/labels.properties").getInputStream()) {
            labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("console/labels.properties cannot be read", e);
        }
    }

    String taskType(Object code) {
        return of("taskType", code);
    }

    String queue(Object code) {
        return of("queue", code);
    }

    private String of(String kind, Object code) {
        return code == null ? null : labels.getProperty(kind + "." + code, String.valueOf(code));
    }
}

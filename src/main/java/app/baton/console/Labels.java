package app.baton.console;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The console's one vocabulary of plain labels for the codes it shows (task types, statuses, queues,
 * roles, programs, prompts, missing fields...), read from {@code console/labels.properties}. Pages call it
 * as {@code @labels}: {@code ${@labels.of('queue', t.queue)}}. A code with no label is shown as it is,
 * so a new code from a rule author's table still shows.
 */
@Component("labels")
public class Labels {

    private final Map<String, String> labels;

    public Labels() {
        Properties properties = new Properties();
        try (InputStream in = new ClassPathResource("console/labels.properties").getInputStream()) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("console/labels.properties cannot be read", e);
        }
        Map<String, String> read = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> read.put(key, properties.getProperty(key)));
        this.labels = Map.copyOf(read);
    }

    /** The label of a code of this kind ({@code status}, {@code queue}, ...), or the code itself when it has none. */
    public String of(String kind, Object code) {
        if (code == null) {
            return null;
        }
        return labels.getOrDefault(kind + "." + code, String.valueOf(code));
    }

    /** Whether this code of this kind has a label (a page then shows the code only as a secondary line). */
    public boolean has(String kind, Object code) {
        return code != null && labels.containsKey(kind + "." + code);
    }

    public String status(Object code) {
        return of("status", code);
    }

    public String taskType(Object code) {
        return of("taskType", code);
    }

    public String queue(Object code) {
        return of("queue", code);
    }

    public String program(Object code) {
        return of("program", code);
    }

    public String prompt(Object code) {
        return of("prompt", code);
    }

    public String field(Object code) {
        return of("field", code);
    }

    /** The labels of several codes of one kind, joined by ", ". */
    public String all(String kind, Collection<?> codes) {
        return String.join(", ", codes.stream().map(code -> of(kind, code)).toList());
    }

    /**
     * The label of a code whose kind the page does not know (a recorded decision's input values, an audit
     * entry's category or action): the first kind in {@code kinds} that labels it, or the code itself.
     */
    public String ofAny(Object code, String... kinds) {
        if (code == null) {
            return null;
        }
        for (String kind : kinds) {
            String label = labels.get(kind + "." + code);
            if (label != null) {
                return label;
            }
        }
        return String.valueOf(code);
    }

    /** Whether any of these kinds labels this code (the page then shows the code as a secondary line). */
    public boolean hasAny(Object code, String... kinds) {
        return code != null && java.util.Arrays.stream(kinds).anyMatch(kind -> labels.containsKey(kind + "." + code));
    }

    /** The kinds a decision's input value may be, in the order a label is looked for. */
    private static final String[] VALUE_KINDS = {"taskType", "status", "queue", "role", "program", "stage", "priority",
            "location", "complexity", "outcome", "channel", "barrier", "prompt", "field"};

    /** The label of a recorded decision's input value, whatever its field: a code some kind labels, else the value. */
    public String ofValue(Object value) {
        return ofAny(value, VALUE_KINDS);
    }

    /** Whether some kind labels this input value (the page then shows the value itself as a secondary line). */
    public boolean labelsValue(Object value) {
        return hasAny(value, VALUE_KINDS);
    }

    /** Whether a label itself carries this word (an acronym such as TCM, which the label keeps). */
    public boolean inLabels(String word) {
        return labels.values().stream().anyMatch(label -> java.util.Arrays.asList(label.split("[^A-Za-z_]+")).contains(word));
    }

    /** Every labelled code (the part after the kind), for the check that no page shows one bare. */
    public java.util.Set<String> codes() {
        java.util.Set<String> codes = new java.util.TreeSet<>();
        labels.keySet().forEach(key -> codes.add(key.substring(key.indexOf('.') + 1)));
        return codes;
    }
}

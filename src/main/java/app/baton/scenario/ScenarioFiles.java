package app.baton.scenario;

import app.baton.engine.RuleFile;
import app.baton.engine.model.CaseInput;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads scenario files: YAML with optional {@code defaults} (merged into every scenario's
 * {@code given}) and a list of {@code scenarios}. {@code given} has the shape of a decision
 * request, and is read as strictly (unknown fields are errors).
 */
public final class ScenarioFiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private ScenarioFiles() {
    }

    public static List<Scenario> read(RuleFile file) {
        try (JsonParser parser = new Untagged(file.path(), YAML.createParser(file.content()))) {
            JsonNode root = YAML.readTree(parser);
            if (root == null || !root.path("scenarios").isArray()) {
                throw new ScenarioFormatException(file.path(), "a scenario file needs a 'scenarios' list", null);
            }
            JsonNode defaults = root.path("defaults");
            List<Scenario> scenarios = new ArrayList<>();
            int index = 0;
            for (JsonNode node : root.path("scenarios")) {
                index++;
                scenarios.add(scenario(file.path(), index, node, defaults));
            }
            return scenarios;
        } catch (IOException e) {
            throw new ScenarioFormatException(file.path(), "not valid YAML: " + e.getMessage(), e);
        }
    }

    private static Scenario scenario(String file, int index, JsonNode node, JsonNode defaults) throws IOException {
        String description = node.path("description").asText("");
        if (description.isBlank()) {
            throw new ScenarioFormatException(file, "scenario " + index + " has no description", null);
        }
        ObjectNode given = defaults.isObject() ? defaults.deepCopy() : YAML.createObjectNode();
        merge(given, node.path("given"));
        JsonNode asOf = given.remove("asOf");
        if (asOf == null || asOf.isNull()) {
            throw new ScenarioFormatException(file, "scenario " + index + " (" + description + ") needs given.asOf", null);
        }
        try {
            CaseInput input = YAML.treeToValue(given, CaseInput.class);
            Scenario.Expect expect = YAML.treeToValue(node.path("expect"), Scenario.Expect.class);
            if (expect == null) {
                throw new ScenarioFormatException(file, "scenario " + index + " (" + description + ") has no expect", null);
            }
            return new Scenario(file, index, description, YAML.treeToValue(asOf, OffsetDateTime.class), input, expect);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            throw new ScenarioFormatException(file, "scenario " + index + " (" + description + "): "
                    + e.getOriginalMessage() + " at " + e.getPathReference(), e);
        }
    }

    /**
     * Refuses any YAML tag ({@code !!javax.script.ScriptEngineManager}, {@code !!str}, {@code !local}):
     * a tag asks a loader to build an object of a type, and a scenario is plain data. Jackson's parser
     * builds no objects of its own (it reads the tree as text, numbers, lists and maps), and with this
     * a tag can neither do so later nor be ignored without a word.
     */
    private static final class Untagged extends JsonParserDelegate {

        private final String file;

        Untagged(String file, JsonParser parser) {
            super(parser);
            this.file = file;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = super.nextToken();
            Object typeId = delegate().getTypeId();
            if (typeId != null) {
                String tag = typeId.toString();
                int line = delegate().currentTokenLocation().getLineNr();
                throw new ScenarioFormatException(file, line, "a YAML tag ('!" + (tag.startsWith("tag:") ? "!" : "")
                        + tag.substring(tag.lastIndexOf(':') + 1) + "') asks for an object of some type; scenario files are plain"
                        + " text, numbers, lists and maps: remove the tag", null);
            }
            return token;
        }
    }

    private static void merge(ObjectNode target, JsonNode overrides) {
        Iterator<Map.Entry<String, JsonNode>> fields = overrides.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode object && field.getValue().isObject()) {
                merge(object, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }
}

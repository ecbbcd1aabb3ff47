package app.baton.system;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Finding strings in a JSON tree by what they hold, to name their fields in a refusal. */
public final class JsonStrings {

    private JsonStrings() {
    }

    /**
     * The paths of the strings in {@code tree} that pass {@code test}, in document order: {@code prefix}, then each
     * field's name after a dot and each array element's index in brackets ({@code carePlan.dischargeAt},
     * {@code Bundle.entry[0].resource.subject.reference}).
     */
    public static List<String> where(JsonNode tree, String prefix, Predicate<String> test) {
        List<String> paths = new ArrayList<>();
        collect(tree, prefix, test, paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, Predicate<String> test, List<String> paths) {
        if (node.isTextual()) {
            if (test.test(node.asText())) {
                paths.add(path);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                collect(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), test, paths);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", test, paths);
            }
        }
    }
}

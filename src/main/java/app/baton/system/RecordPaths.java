package app.baton.system;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Finding values in a request record by what they are, to name their fields in a refusal: the record's components,
 * those of the records inside it, and the elements of its lists, by the names the JSON API gives them.
 */
public final class RecordPaths {

    private RecordPaths() {
    }

    /**
     * The paths of the values under {@code root} that pass {@code test}, in declaration order: each component's name
     * after a dot, each list element's index in brackets ({@code carePlan.dischargeAt}, {@code practice.closures[2]}).
     * Nulls are skipped; records and lists are walked into, not tested.
     */
    public static List<String> where(Record root, Predicate<Object> test) {
        List<String> paths = new ArrayList<>();
        collect(root, "", test, paths);
        return paths;
    }

    private static void collect(Object value, String path, Predicate<Object> test, List<String> paths) {
        if (value == null) {
            return;
        }
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                collect(read(component, record), path.isEmpty() ? component.getName() : path + "." + component.getName(), test, paths);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(list.get(i), path + "[" + i + "]", test, paths);
            }
        } else if (test.test(value)) {
            paths.add(path);
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of a " + record.getClass().getSimpleName(), e);
        }
    }
}

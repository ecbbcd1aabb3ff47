package app.baton.engine.internal;

import app.baton.engine.model.AbsentFields;
import app.baton.engine.model.Complexity;
import app.baton.engine.model.DischargeDestination;
import app.baton.engine.model.DischargeSetting;
import app.baton.engine.model.ReferralUrgency;
import app.baton.engine.model.Specialty;
import app.baton.engine.model.ItemKind;
import app.baton.engine.model.LineOfBusiness;
import app.baton.engine.model.Priority;
import app.baton.engine.model.Program;
import app.baton.engine.model.Queue;
import app.baton.engine.model.Stage;
import app.baton.engine.model.TaskDecisionUnit;
import app.baton.engine.model.TaskStatus;
import app.baton.engine.model.TaskType;
import org.drools.ruleunits.api.DataStore;

import java.beans.Introspector;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a table may name: the unit's data sources and their facts' properties and methods (read
 * from the fact model, so they cannot drift), and the closed code lists a cell is checked against.
 */
final class Vocabulary {

    /** A closed list of codes, and what one of them is called in a message. */
    record Codes(String noun, Set<String> values) {
    }

    private static final Map<String, Codes> PROPERTY_CODES = Map.ofEntries(
            Map.entry("tasks.program", names("program", Program.values())),
            Map.entry("tasks.taskType", names("task type", TaskType.values())),
            Map.entry("tasks.status", names("status", TaskStatus.values())),
            Map.entry("tasks.priority", names("priority", Priority.values())),
            Map.entry("tasks.complexity", names("complexity", Complexity.values())),
            Map.entry("tasks.stage", names("stage", Stage.values())),
            Map.entry("tasks.lineOfBusiness", names("line of business", LineOfBusiness.values())),
            Map.entry("tasks.itemKind", names("item kind", ItemKind.values())),
            Map.entry("absentFields.name", new Codes("field name", new LinkedHashSet<>(AbsentFields.NAMES))),
            Map.entry("plans.program", names("program", Program.values())),
            Map.entry("plans.complexity", names("complexity", Complexity.values())),
            Map.entry("plans.dischargeSetting", names("discharge setting", DischargeSetting.values())),
            Map.entry("plans.dischargeDestination", names("discharge destination", DischargeDestination.values())),
            Map.entry("tasks.dischargeSetting", names("discharge setting", DischargeSetting.values())),
            Map.entry("tasks.dischargeDestination", names("discharge destination", DischargeDestination.values())),
            Map.entry("tasks.referralUrgency", names("referral urgency", ReferralUrgency.values())),
            Map.entry("tasks.receivingSpecialty", names("specialty", Specialty.values())));

    private static final Map<String, Codes> ARGUMENT_CODES = Map.of(
            "routeTo", names("queue", Queue.values()),
            "escalate", new Codes("recipient", Queue.recipients()),
            "step", names("task type", TaskType.values()),
            "after", names("task type", TaskType.values()),
            "requireDone", names("task type", TaskType.values()),
            "repeats", new Codes("repetition", new LinkedHashSet<>(java.util.List.of("MONTHLY"))),
            "closeAs", new Codes("closing status", new LinkedHashSet<>(java.util.List.of(TaskStatus.DONE.name(), TaskStatus.CANCELLED.name()))));

    /** The unit's data sources ("tasks", "dueDates", ...) and the class of their facts. */
    static final Map<String, Class<?>> SOURCES = sources();

    private static final Map<String, String> FACT_NOUNS = Map.of(
            "tasks", "a task", "absentFields", "a missing field", "dueDates", "a due date", "plans", "a care plan");

    private Vocabulary() {
    }

    static Optional<Codes> propertyCodes(String source, String property) {
        return Optional.ofNullable(PROPERTY_CODES.get(source + "." + property));
    }

    static Optional<Codes> argumentCodes(String method) {
        return Optional.ofNullable(ARGUMENT_CODES.get(method));
    }

    static String factNoun(String source) {
        return FACT_NOUNS.getOrDefault(source, "a " + source + " fact");
    }

    /** The type of a readable property of the fact class, if it has one by that name. */
    static Optional<Class<?>> propertyType(Class<?> fact, String property) {
        return Optional.ofNullable(properties(fact).get(property));
    }

    static Set<String> propertyNames(Class<?> fact) {
        return properties(fact).keySet();
    }

    static Optional<Method> method(Class<?> fact, String name, int arguments) {
        return publicMethods(fact).filter(m -> m.getName().equals(name) && m.getParameterCount() == arguments).findFirst();
    }

    /** The methods a table's actions may call on the fact: public, declared by the model, not getters. */
    static Set<String> actionNames(Class<?> fact) {
        return publicMethods(fact).map(Method::getName)
                .filter(n -> !n.startsWith("get") && !n.startsWith("is") && !n.equals("firing"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static java.util.stream.Stream<Method> publicMethods(Class<?> fact) {
        return Arrays.stream(fact.getMethods())
                .filter(m -> m.getDeclaringClass() == fact && Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()));
    }

    private static Map<String, Class<?>> properties(Class<?> fact) {
        Map<String, Class<?>> properties = new TreeMap<>();
        for (Method m : fact.getMethods()) {
            if (m.getParameterCount() != 0 || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = m.getName();
            if (name.startsWith("get") && name.length() > 3) {
                properties.put(Introspector.decapitalize(name.substring(3)), m.getReturnType());
            } else if (name.startsWith("is") && name.length() > 2 && m.getReturnType() == boolean.class) {
                properties.put(Introspector.decapitalize(name.substring(2)), boolean.class);
            }
        }
        return properties;
    }

    private static Map<String, Class<?>> sources() {
        Map<String, Class<?>> sources = new TreeMap<>();
        for (Method m : TaskDecisionUnit.class.getMethods()) {
            if (m.getReturnType() == DataStore.class && m.getGenericReturnType() instanceof ParameterizedType type
                    && type.getActualTypeArguments()[0] instanceof Class<?> fact) {
                sources.put(Introspector.decapitalize(m.getName().substring(3)), fact);
            }
        }
        return sources;
    }

    private static Codes names(String noun, Enum<?>[] values) {
        return new Codes(noun, Arrays.stream(values).map((Function<Enum<?>, String>) Enum::name)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }
}

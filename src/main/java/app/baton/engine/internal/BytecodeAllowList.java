package app.baton.engine.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the classes compiled from a rule set version may reference: the last line of defence behind
 * the shipped rule files and table templates, checked on the bytecode of every build before any of
 * it is loaded. Names are JVM internal names ({@code java/lang/String}); a name ending in '/' is a
 * package and its sub-packages.
 *
 * <p>Derived from what the starter pack generates (compile it and list the references; the
 * executable model's generated classes are listed in docs/security.md), plus the value types a rule
 * may reasonably use. Three tiers:
 * <ul>
 *   <li>{@link #OPEN}: every member may be used: the fact model, text, numbers and pure maths, dates
 *       and times, collections and functional interfaces;</li>
 *   <li>{@link #MEMBERS}: only the listed members: the Drools and Kogito runtime the executable model
 *       of a rule unit calls to declare its rules and bind its data stores, {@code System.arraycopy}
 *       (compiled enum {@code values()}), constructors of plain exceptions; {@code java/lang/Class}
 *       appears as a type (class constants, {@code Integer.TYPE}) with no member at all, so no
 *       reflection, no {@code forName}, no class loader;</li>
 *   <li>{@link #TYPES_ONLY}: may be named in signatures and casts, no member used unless listed.</li>
 * </ul>
 * Anything else, and anything in {@link #NEVER} whatever the lists above say, refuses the version:
 * System (but arraycopy), Runtime, processes, threads, reflection, method handles, class loaders,
 * java.io, java.nio, java.net, scripting, JNDI, JDK internals. An invokedynamic instruction or a
 * method handle constant refuses it too: the compiler the executable model uses writes lambdas and
 * string concatenation as plain classes and calls.
 */
final class BytecodeAllowList {

    static final List<String> NEVER = List.of(
            "java/lang/Runtime", "java/lang/ProcessBuilder", "java/lang/Process", "java/lang/ProcessHandle",
            "java/lang/Thread", "java/lang/ThreadGroup", "java/lang/ClassLoader", "java/lang/Module", "java/lang/ModuleLayer",
            "java/lang/StackWalker", "java/lang/SecurityManager", "java/lang/reflect/", "java/lang/invoke/", "java/lang/ref/",
            "java/io/", "java/nio/", "java/net/", "java/rmi/", "java/security/", "java/sql/", "java/util/concurrent/",
            "java/util/ServiceLoader", "java/util/logging/", "java/util/prefs/", "java/util/zip/", "java/util/jar/",
            "java/time/zone/ZoneRulesProvider",
            "javax/script/", "javax/naming/", "javax/management/", "javax/net/", "sun/", "jdk/", "com/sun/");

    static final List<String> OPEN = List.of(
            "app/baton/engine/model/",
            "java/lang/String", "java/lang/CharSequence", "java/lang/StringBuilder", "java/lang/Character",
            "java/lang/Number", "java/lang/Integer", "java/lang/Long", "java/lang/Short", "java/lang/Byte",
            "java/lang/Double", "java/lang/Float", "java/lang/Boolean", "java/lang/Math", "java/lang/StrictMath",
            "java/lang/Enum", "java/lang/Comparable", "java/lang/Iterable", "java/math/BigDecimal", "java/math/BigInteger",
            "java/math/RoundingMode", "java/time/",
            "java/util/List", "java/util/ArrayList", "java/util/LinkedList", "java/util/Map", "java/util/Map$Entry",
            "java/util/HashMap", "java/util/LinkedHashMap", "java/util/TreeMap", "java/util/Set", "java/util/HashSet",
            "java/util/LinkedHashSet", "java/util/TreeSet", "java/util/Collection", "java/util/Collections", "java/util/Arrays",
            "java/util/Iterator", "java/util/Comparator", "java/util/Objects", "java/util/Optional", "java/util/function/");

    /** Members of open types that reach outside a value: system properties, the JVM-wide defaults. */
    static final Set<String> CLOSED_MEMBERS = Set.of(
            "java/lang/Integer.getInteger", "java/lang/Long.getLong", "java/lang/Boolean.getBoolean");

    static final Map<String, Set<String>> MEMBERS = Map.ofEntries(
            Map.entry("java/lang/Object", Set.of("<init>", "equals", "hashCode", "toString")),
            Map.entry("java/lang/Class", Set.of()),
            Map.entry("java/lang/System", Set.of("arraycopy")),
            Map.entry("java/lang/Exception", Set.of("<init>", "getMessage")),
            Map.entry("java/lang/RuntimeException", Set.of("<init>", "getMessage")),
            Map.entry("java/lang/IllegalArgumentException", Set.of("<init>", "getMessage")),
            Map.entry("java/lang/IllegalStateException", Set.of("<init>", "getMessage")),
            Map.entry("java/lang/ArithmeticException", Set.of("<init>", "getMessage")),
            Map.entry("java/util/Locale", Set.of("ENGLISH", "ROOT", "US")),
            Map.entry("org/drools/core/SessionConfiguration", Set.of("KEY", "setOption")),
            Map.entry("org/drools/core/common/ReteEvaluator", Set.of("getEntryPoint", "setGlobal")),
            Map.entry("org/drools/core/impl/InternalRuleBase", Set.of("getSessionConfiguration")),
            Map.entry("org/drools/model/DomainClassMetadata", Set.of("getPropertyIndex")),
            Map.entry("org/drools/model/Index$ConstraintType", Set.of("EQUAL", "NOT_EQUAL", "GREATER_THAN", "GREATER_OR_EQUAL",
                    "LESS_THAN", "LESS_OR_EQUAL")),
            Map.entry("org/drools/model/PatternDSL$PatternDef", Set.of("expr")),
            Map.entry("org/drools/model/Rule$Attribute", Set.of("ACTIVATION_GROUP", "SALIENCE")),
            Map.entry("org/drools/model/TypeReference", Set.of("<init>")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_1", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_2", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_3", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_4", Set.of("execute")),
            Map.entry("org/drools/model/functions/PredicateInformation", Set.of("<init>", "addRuleNames", "setMoreThanMaxRuleDefs")),
            Map.entry("org/drools/model/impl/RuleBuilder", Set.of("attribute", "build", "unit")),
            Map.entry("org/drools/modelcompiler/KieBaseBuilder", Set.of("createKieBaseFromModel")),
            Map.entry("org/drools/modelcompiler/dsl/pattern/D", Set.of("alphaIndexedBy", "declarationOf", "entryPoint", "execute",
                    "globalOf", "on", "pattern", "reactOn", "rule")),
            Map.entry("org/drools/modelcompiler/util/EvaluationUtil", Set.of("areNullSafeEquals", "greaterThan", "greaterOrEqual",
                    "lessThan", "lessOrEqual", "greaterThanNumbers", "greaterOrEqualNumbers", "lessThanNumbers", "lessOrEqualNumbers")),
            Map.entry("org/drools/ruleunits/api/DataStore", Set.of("add", "subscribe")),
            Map.entry("org/drools/ruleunits/api/RuleUnits", Set.of("register")),
            Map.entry("org/drools/ruleunits/impl/EntryPointDataProcessor", Set.of("<init>")),
            Map.entry("org/drools/ruleunits/impl/ReteEvaluatorBasedRuleUnitInstance", Set.of("<init>")),
            Map.entry("org/drools/ruleunits/impl/conf/RuleConfigImpl", Set.of("mergeSessionConfiguration")),
            Map.entry("org/drools/ruleunits/impl/factory/AbstractRuleUnit", Set.of("<init>", "ruleUnits", "evaluatorConfigurator")),
            Map.entry("org/drools/ruleunits/impl/sessions/RuleUnitExecutorImpl", Set.of("<init>")),
            Map.entry("org/drools/util/DateUtils", Set.of("getDateFormatMask")),
            Map.entry("org/kie/api/KieServices", Set.of("get", "newKieModuleModel")),
            Map.entry("org/kie/api/builder/model/KieModuleModel", Set.of("newKieBaseModel")),
            Map.entry("org/kie/api/builder/model/KieBaseModel", Set.of("addPackage", "newKieSessionModel", "setDefault",
                    "setEventProcessingMode", "setMutability")),
            Map.entry("org/kie/api/builder/model/KieSessionModel", Set.of("setClockType", "setDefault", "setType")),
            Map.entry("org/kie/api/builder/model/KieSessionModel$KieSessionType", Set.of("STATEFUL", "STATELESS")),
            Map.entry("org/kie/api/conf/EventProcessingOption", Set.of("CLOUD")),
            Map.entry("org/kie/api/conf/KieBaseMutabilityOption", Set.of("ALLOWED")),
            Map.entry("org/kie/api/runtime/KieSessionConfiguration", Set.of("as")),
            Map.entry("org/kie/api/runtime/conf/ClockTypeOption", Set.of("REALTIME", "get")),
            Map.entry("org/kie/util/maven/support/ReleaseIdImpl", Set.of("<init>")));

    /** The runtime's own packages, whose types the generated classes name in signatures, casts and supertypes. */
    static final List<String> TYPES_ONLY = List.of("org/drools/", "org/kie/");

    private BytecodeAllowList() {
    }
}

package app.baton;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module reads and writes only its own tables. A module says what it owns in its package-info, on one line each:
 * {@code Owns tables: a, b} (tables and views it creates and keeps; {@code none} when it has none) and, optionally,
 * {@code Shares views: v} (views of its own that other modules may read, never write). Every table and view the
 * migrations leave in the schema has exactly one owner, and no SQL in a module's main sources names a table or view
 * of another module (after {@code from}, {@code join}, {@code into}, {@code update}, {@code references},
 * {@code truncate} or {@code table}), except to read a shared view. SQL is read from the string literals of the
 * sources (text blocks included), so comments and names of Java classes do not count. Another module's data is
 * reached through the owner's public query API.
 */
class TableOwnershipTests {

    private static final Path SOURCES = Path.of("src/main/java/app/baton");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    private static final Pattern OWNS = Pattern.compile("Owns tables:(.*)");
    private static final Pattern SHARES = Pattern.compile("Shares views:(.*)");
    private static final Pattern NAMED = Pattern.compile(
            "\\b(from|join|into|update|references|truncate|table)\\s+(?:only\\s+|if\\s+exists\\s+)?([a-z_][a-z0-9_]*)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> READS = Set.of("from", "join");

    /** What one module declares: the tables and views it owns, and which of its views others may read. */
    record Declaration(Set<String> owns, Set<String> shares) {
    }

    /** A module's SQL naming a table or view it may not use there. */
    record Reach(String file, String keyword, String table, String owner) {

        @Override
        public String toString() {
            return file + ": \"" + keyword + " " + table + "\" (owned by " + owner + ")";
        }
    }

    @Test
    void everyModuleSaysWhichTablesItOwns() {
        Map<String, Declaration> declared = declarations();
        assertThat(modules()).allSatisfy(module -> assertThat(declared)
                .as("src/main/java/app/baton/%s/package-info.java has a line \"Owns tables: ...\" (or \"none\")", module)
                .containsKey(module));
        declared.forEach((module, d) -> assertThat(d.owns()).as("the views %s shares are its own", module).containsAll(d.shares()));
    }

    @Test
    void everyTableOfTheSchemaHasExactlyOneOwner() {
        Map<String, List<String>> owners = new TreeMap<>();
        declarations().forEach((module, d) -> d.owns().forEach(t -> owners.computeIfAbsent(t, k -> new ArrayList<>()).add(module)));
        Set<String> schema = schemaTables();

        assertThat(schema.stream().filter(t -> !owners.containsKey(t)).toList()).as("tables and views no module owns").isEmpty();
        assertThat(owners.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::toString).toList())
                .as("tables and views two modules claim").isEmpty();
        assertThat(owners.keySet().stream().filter(t -> !schema.contains(t)).toList())
                .as("declared tables the migrations do not create").isEmpty();
    }

    @Test
    void noModuleNamesAnotherModulesTablesInItsSql() {
        Map<String, Declaration> declared = declarations();
        List<Reach> reaches = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(file -> {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() > 1) {
                    reaches.addAll(reachesOf(relative.getName(0).toString(), relative.toString(), read(file), declared));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(reaches).as("SQL naming another module's tables: ask the owning module's query API instead").isEmpty();
    }

    @Test
    void theCheckFindsAReachIntoAnotherModulesTables() {
        Map<String, Declaration> declared = Map.of(
                "careplan", new Declaration(Set.of("task", "care_plan"), Set.of()),
                "intake", new Declaration(Set.of("intake", "intake_facts"), Set.of("intake_facts")),
                "escalation", new Declaration(Set.of("task_alert"), Set.of()));
        String sweep = """
                class TaskAlerts {
                    // reads from task_alert only, says this comment about "from task"
                    String candidates = "with page as (select id from task where status <> 'DONE' order by id limit :limit)";
                    String facts = \"""
                            select page.*, coalesce(p.facts, i.facts)::text from page
                            left join care_plan p on p.id = page.plan_id left join intake i on i.id = page.intake_id
                            \""";
                    String viaView = "select facts from intake_facts where id = :id";
                    String writesView = "update intake_facts set facts = null";
                    String own = "insert into task_alert (alert_key) values (:key)";
                }
                """;

        assertThat(reachesOf("escalation", "escalation/TaskAlerts.java", sweep, declared)).map(Reach::toString).containsExactly(
                "escalation/TaskAlerts.java: \"from task\" (owned by careplan)",
                "escalation/TaskAlerts.java: \"join care_plan\" (owned by careplan)",
                "escalation/TaskAlerts.java: \"join intake\" (owned by intake)",
                "escalation/TaskAlerts.java: \"update intake_facts\" (owned by intake)");
    }

    static List<Reach> reachesOf(String module, String file, String source, Map<String, Declaration> declared) {
        Map<String, String> owner = new TreeMap<>();
        declared.forEach((m, d) -> d.owns().forEach(t -> owner.put(t, m)));
        List<Reach> found = new ArrayList<>();
        for (String literal : stringLiterals(source)) {
            Matcher m = NAMED.matcher(literal);
            while (m.find()) {
                String keyword = m.group(1).toLowerCase(Locale.ROOT);
                String table = m.group(2).toLowerCase(Locale.ROOT);
                String owning = owner.get(table);
                boolean sharedRead = owning != null && declared.get(owning).shares().contains(table) && READS.contains(keyword);
                if (owning != null && !owning.equals(module) && !sharedRead) {
                    found.add(new Reach(file, keyword, table, owning));
                }
            }
        }
        return found;
    }

    /** The contents of the string literals and text blocks of a Java source, comments and char literals skipped. */
    static List<String> stringLiterals(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = end(source.indexOf('\n', i), n);
            } else if (source.startsWith("/*", i)) {
                i = end(source.indexOf("*/", i + 2), n) + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int close = closing(source, i + 3, "\"\"\"");
                literals.add(source.substring(i + 3, close));
                i = close + 3;
            } else if (c == '"') {
                int close = closing(source, i + 1, "\"");
                literals.add(source.substring(i + 1, close));
                i = close + 1;
            } else if (c == '\'') {
                i = closing(source, i + 1, "'") + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    /** Where the literal that starts at {@code from} ends ({@code quote} not escaped by a backslash). */
    private static int closing(String source, int from, String quote) {
        int i = from;
        while (i < source.length() && !source.startsWith(quote, i)) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, source.length());
    }

    private static int end(int index, int length) {
        return index < 0 ? length : index;
    }

    static Map<String, Declaration> declarations() {
        Map<String, Declaration> declared = new TreeMap<>();
        for (String module : modules()) {
            Path info = SOURCES.resolve(module).resolve("package-info.java");
            if (!Files.exists(info)) {
                continue;
            }
            String text = read(info);
            Matcher owns = OWNS.matcher(text);
            if (owns.find()) {
                Matcher shares = SHARES.matcher(text);
                declared.put(module, new Declaration(names(owns.group(1)), shares.find() ? names(shares.group(1)) : Set.of()));
            }
        }
        return declared;
    }

    private static Set<String> names(String line) {
        String list = line.strip().replaceAll("\\.$", "");
        if (list.equals("none")) {
            return Set.of();
        }
        return Stream.of(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The modules: the direct sub-packages of app.baton. */
    static List<String> modules() {
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The tables and views the migrations leave, replayed in version order: created, renamed, dropped. A partition
     * belongs to its parent and is not counted; a table created in a function's dynamic SQL is not seen.
     */
    static Set<String> schemaTables() {
        Pattern create = Pattern.compile("create\\s+(?:unlogged\\s+)?(table|(?:or\\s+replace\\s+)?(?:materialized\\s+)?view)\\s+"
                + "(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)(\\s+partition\\s+of)?");
        Pattern rename = Pattern.compile("alter\\s+table\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)\\s+rename\\s+to\\s+([a-z_][a-z0-9_]*)");
        Pattern drop = Pattern.compile("drop\\s+(?:table|view|materialized\\s+view)\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
        Set<String> tables = new LinkedHashSet<>();
        for (Path migration : migrations()) {
            String sql = read(migration).toLowerCase(Locale.ROOT).replaceAll("--[^\\n]*", "");
            Pattern statement = Pattern.compile(create.pattern() + "|" + rename.pattern() + "|" + drop.pattern());
            Matcher m = statement.matcher(sql);
            while (m.find()) {
                if (m.group(2) != null && m.group(3) == null) {
                    tables.add(m.group(2));
                } else if (m.group(4) != null) {
                    tables.remove(m.group(4));
                    tables.add(m.group(5));
                } else if (m.group(6) != null) {
                    tables.remove(m.group(6));
                }
            }
        }
        return tables;
    }

    private static List<Path> migrations() {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

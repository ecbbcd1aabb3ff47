package app.baton;

import app.baton.ruleset.Lifecycle;
import app.baton.ruleset.RoutingChange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fenced curl of the docs runs as printed against a started Baton, with the demo profile's
 * users and key: a doc's bash blocks that hold a curl run in order, in one shell, so that an id a command
 * keeps in a variable ({@code PLAN_ID=$(…)}) reaches the commands after it. Only what the test profile
 * does differently from the demo profile is substituted: the port, the demo password and the demo key.
 * A 401, 403, 404 or 5xx fails the test unless the doc promises it (the status appears in the block or in
 * the prose right after it, up to the next block or heading).
 * <p>
 * rule-authoring.md's step 2 is a person editing a table in a spreadsheet; the test makes that edit
 * (the routing change of the rule set tests) between the download and the upload.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocsCurlIntegrationTests extends WebIntegrationTest {

    private static final Pattern FENCE = Pattern.compile("(?m)^( *)```(bash|sh|shell)\\s*$\\n(.*?)^ *```\\s*$", Pattern.DOTALL);
    private static final Pattern STATUS = Pattern.compile("DOCS_CURL line=(\\d+) status=(\\d+)");
    private static final Path REPOSITORY = Path.of("").toAbsolutePath();
    private static final String ROUTING = "decision-tables/app/baton/engine/model/routing.drl.xlsx";
    private static final String TCM = "test-scenarios/tcm.yaml";

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "docs/api.md", "docs/tracker.md", "docs/compliance-guide.md", "docs/webhooks.md",
            "docs/security.md", "docs/operations.md", "docs/console.md", "docs/rule-authoring.md", "docs/rule-review.md",
            "docs/clinical-lead-guide.md", "docs/architecture.md", "docs/fhir.md", "docs/cds-hooks.md"})
    void everyCurlWorksAsPrinted(String doc) throws Exception {
        Process tools = new ProcessBuilder("bash", "-c", "command -v curl && command -v jq && command -v unzip").start();
        assertThat(tools.waitFor()).as("the docs' commands need curl, jq and unzip (README, The two commands)").isZero();
        String markdown = Files.readString(REPOSITORY.resolve(doc));
        List<Block> blocks = blocks(markdown);
        if (blocks.isEmpty()) {
            return;
        }
        Path work = Files.createTempDirectory("docs-curl");
        for (String shared : List.of("src", "decision-tables", "test-scenarios", "rules")) {
            Files.createSymbolicLink(work.resolve(shared), REPOSITORY.resolve(shared));
        }
        StringBuilder script = new StringBuilder("""
                curl() { command curl -w '%{stderr}DOCS_CURL line='"$DOCS_LINE"' status=%{http_code}\\n' "$@"; }
                """);
        for (Block block : blocks) {
            // before each statement that runs a curl (a statement may span lines ending in a backslash): its line in the doc
            List<String> lines = block.text().lines().toList();
            int start = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (i == lines.size() - 1 || !lines.get(i).endsWith("\\")) {
                    for (int j = start; j <= i; j++) {
                        if (Block.startsCurl(lines.get(j))) {
                            script.append("DOCS_LINE=").append(block.firstLine() + j).append('\n');
                            break;
                        }
                    }
                    lines.subList(start, i + 1).forEach(line -> script.append(line).append('\n'));
                    start = i + 1;
                }
            }
            script.append(afterBlock(doc, block, work));
        }
        String run = substitute(script.toString());
        // no input: a curl that would ask for a password (-u admin) gets none and is refused, instead of waiting
        Process shell = new ProcessBuilder("bash", "-c", run).directory(work.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(work.resolve("stdout").toFile()).redirectError(work.resolve("stderr").toFile()).start();
        boolean ended = shell.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            shell.descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly();
        }
        assertThat(ended).as("%s ran within 5 minutes", doc).isTrue();
        String errors = Files.readString(work.resolve("stderr"));

        List<String> wrong = new ArrayList<>();
        int calls = 0;
        Matcher status = STATUS.matcher(errors);
        while (status.find()) {
            calls++;
            int line = Integer.parseInt(status.group(1));
            int code = Integer.parseInt(status.group(2));
            Block block = blocks.stream().filter(b -> b.firstLine() <= line && line <= b.lastLine()).findFirst().orElseThrow();
            boolean refused = code == 0 || code == 401 || code == 403 || code == 404 || code >= 500;
            if (refused && !block.promises(code)) {
                wrong.add(doc + ":" + line + " answered " + code);
            }
        }
        assertThat(calls).as("%s: curls run (stderr: %s)", doc, errors).isEqualTo(blocks.stream().mapToInt(Block::curls).sum());
        assertThat(wrong).as("%s: stdout %s%nstderr %s", doc, Files.readString(work.resolve("stdout")), errors).isEmpty();
    }

    @AfterAll
    void theStarterPackDecidesAgain() {
        Lifecycle.restoreVersionOne(http.asUser("clinlead"), jdbc);
    }

    /** A fenced bash block with at least one curl, where it is in the doc, and the prose after it. */
    record Block(String text, int firstLine, int lastLine, String after) {

        static boolean startsCurl(String line) {
            return line.stripLeading().startsWith("curl ") || line.contains("$(curl ") || line.contains("| curl ");
        }

        int curls() {
            return (int) text.lines().filter(Block::startsCurl).count();
        }

        boolean promises(int status) {
            String word = String.valueOf(status);
            return text.contains(word) || after.contains(word);
        }
    }

    static List<Block> blocks(String markdown) {
        List<Block> blocks = new ArrayList<>();
        Matcher fence = FENCE.matcher(markdown);
        while (fence.find()) {
            String indent = fence.group(1);
            String text = fence.group(3).lines().map(l -> l.startsWith(indent) ? l.substring(indent.length()) : l)
                    .reduce("", (a, b) -> a + b + "\n");
            if (!text.contains("curl ")) {
                continue;
            }
            int first = lineOf(markdown, fence.start(3));
            int rest = fence.end();
            Matcher next = Pattern.compile("(?m)^( *```|#)").matcher(markdown);
            String after = next.find(rest) ? markdown.substring(rest, next.start()) : markdown.substring(rest);
            blocks.add(new Block(text, first, first + (int) text.lines().count() - 1, after));
        }
        return blocks;
    }

    private String substitute(String script) {
        return script.replace("localhost:8080", "localhost:" + port)
                .replaceAll("(-u [a-z0-9]+):demo\\b", "$1:" + HttpJson.TEST_PASSWORD)
                .replace("bk_try_it_out", HttpJson.TEST_API_KEY);
    }

    /**
     * What a person does between two blocks that the doc describes in words: in rule-authoring.md, editing
     * the downloaded routing table and the TCM scenarios (a comment line makes each run's files a new version).
     */
    private String afterBlock(String doc, Block block, Path work) throws IOException {
        if (doc.equals("docs/rule-authoring.md") && block.text().contains("files/routing.drl.xlsx")) {
            Path edited = Files.createDirectories(work.resolve("edited"));
            Files.write(edited.resolve("routing.drl.xlsx"), RoutingChange.routingTable(stored(ROUTING)));
            byte[] scenarios = RoutingChange.tcmScenarios(stored(TCM));
            Files.write(edited.resolve("tcm.yaml"), (new String(scenarios, StandardCharsets.UTF_8)
                    + "\n# edited while following rule-authoring.md " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8));
            return "cp edited/routing.drl.xlsx edited/tcm.yaml .\n";
        }
        return "";
    }

    private byte[] stored(String path) {
        return jdbc.sql("select content from rule_set_file where version = 1 and path = :p").param("p", path).query(byte[].class).single();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}

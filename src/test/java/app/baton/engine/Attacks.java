package app.baton.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What the adversarial probe of issue 10 uploaded to run Java as the service: rule files and table
 * cells whose code writes a file (the proof that code ran) or reads the environment. Shared by the
 * engine tests and the upload, gate, approval, activation and impact-analysis tests.
 */
public final class Attacks {

    public static final String NEXT_ACTION_TABLE = "decision-tables/app/baton/engine/model/next-best-action.drl.xlsx";
    public static final String SHEET = "NextBestAction";
    /** The prompt template of the next-best-action table. */
    public static final String PROMPT_TEMPLATE = "R9";
    /** The prompt of the first TCM contact row (no call yet), which the worked example's scenarios fire. */
    public static final String PROMPT_CELL = "R26";
    public static final String DRL_PATH = "rules/app/baton/engine/model/mark.drl";

    private Attacks() {
    }

    /** Java that leaves a one-byte file at {@code target}: if the file exists, uploaded code ran. */
    public static String writeFile(Path target) {
        return "java.nio.file.Files.write(java.nio.file.Path.of(\"" + target + "\"), new byte[] {1});";
    }

    /** A rule file whose right-hand side writes a file for every task. */
    public static byte[] drlWritingFile(Path target) {
        return drl("$t: /tasks", writeFile(target));
    }

    /** A rule file that puts the service's environment into an action code, where a scenario failure shows it. */
    public static byte[] drlReadingEnvironment() {
        return drl("$t: /tasks[ open == true ]", "$t.suggest(String.valueOf(System.getenv(\"PATH\")));");
    }

    public static byte[] drl(String pattern, String action) {
        return """
                package app.baton.engine.model;
                unit TaskDecisionUnit;

                rule "Uploaded code"
                    salience 200000
                    activation-group "next-best-action"
                when
                    %s
                then
                    %s
                end
                """.formatted(pattern, action).getBytes(StandardCharsets.UTF_8);
    }

    /** The prompt template cell with one more Java statement after the prompt. */
    public static String templateWithExtraStatement(Path target) {
        return "$t.prompt(\"$param\"); " + writeFile(target);
    }

    /** Prompt texts that try to close the string literal the template puts them in and run a statement after it. */
    public static String closingQuote(Path target) {
        return "\"); " + writeFile(target) + " $t.prompt(\"";
    }

    public static String unicodeQuote(Path target) {
        return closingQuote(target).replace("\"", "\\u0022");
    }

    public static String backslashBeforeQuote(Path target) {
        return closingQuote(target).replace("\"", "\\\"");
    }

    public static String lineBreak(Path target) {
        return "Call the patient\n\"); " + writeFile(target) + " //";
    }
}

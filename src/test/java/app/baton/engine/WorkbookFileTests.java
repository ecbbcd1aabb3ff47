package app.baton.engine;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.FormulaError;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static app.baton.engine.Bundles.ROUTING;
import static app.baton.engine.Bundles.problems;
import static app.baton.engine.Bundles.starterWith;
import static app.baton.engine.Bundles.starterWithFile;
import static org.assertj.core.api.Assertions.assertThat;

/** Files that are not plain workbooks are refused with one sentence on the file, never a stack trace. */
class WorkbookFileTests {

    private static byte[] routing() {
        return StarterFiles.load().stream().filter(f -> f.path().equals(ROUTING)).findFirst().orElseThrow().content();
    }

    private static String refusal(byte[] content) {
        List<CompileProblem> problems = problems(starterWithFile(ROUTING, content));
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).file()).isEqualTo(ROUTING);
        assertThat(problems.get(0).sheet()).isNull();
        return problems.get(0).message();
    }

    @Test
    void pdfRenamedToXlsxIsSaidToBeAPdf() {
        assertThat(refusal("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.US_ASCII)))
                .startsWith("the file is a PDF, not an Excel workbook");
    }

    @Test
    void textRenamedToXlsxIsNotAWorkbook() {
        assertThat(refusal("Program,Queue\nTCM,NURSING\n".getBytes(StandardCharsets.US_ASCII)))
                .startsWith("the file is not an Excel workbook (.xlsx)");
    }

    @Test
    void truncatedWorkbookIsDamaged() {
        byte[] whole = routing();
        assertThat(refusal(Arrays.copyOf(whole, whole.length / 2))).startsWith("the file is damaged or incomplete");
    }

    @Test
    void fileOverTwentyMegabytesIsRefusedUnread() {
        byte[] big = Arrays.copyOf(routing(), 20 * 1024 * 1024 + 1);
        assertThat(refusal(big)).startsWith("the file is 20.0 MB; the limit is 20 MB");
    }

    @Test
    void passwordProtectedWorkbookIsSaidToBe() throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                out.write(routing());
            }
            ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
            fs.writeFilesystem(encrypted);

            assertThat(refusal(encrypted.toByteArray())).startsWith("the workbook is password-protected");
        }
    }

    @Test
    void workbookCarryingAVbaProjectIsAMacroWorkbook() throws IOException {
        byte[] withMacros = rezip(routing(), "xl/vbaProject.bin", new byte[] {1, 2, 3});
        assertThat(refusal(withMacros)).startsWith("the workbook contains macros (.xlsm)");
    }

    @Test
    void zipBombIsRefusedBeforeItIsUnpacked() throws IOException {
        byte[] bomb = rezip(routing(), "xl/media/padding.bin", new byte[64 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertThat(refusal(bomb)).contains("it looks like a zip bomb and was not opened");
    }

    @Test
    void cellHoldingRefErrorIsNamed() {
        List<CompileProblem> problems = problems(starterWith(ROUTING, wb -> Workbooks.cell(wb, "G12").setCellErrorValue(FormulaError.REF.getCode())));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo(ROUTING + "#Routing!G12");
            assertThat(p.message()).contains("error value");
        });
    }

    @Test
    void formulaThatEvaluatesToAnErrorIsNamed() {
        List<CompileProblem> problems = problems(starterWith(ROUTING, wb -> Workbooks.cell(wb, "G12").setCellFormula("1/0")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("G12");
            assertThat(p.message()).isEqualTo("the formula '1/0' evaluates to an error; type the value instead");
        });
    }

    @Test
    void sheetOverTheRowLimitIsRefusedWithTheLimit() throws IOException {
        byte[] table = app.baton.bench.TableValidationBenchmark.routingTable(10_001);

        List<CompileProblem> problems = problems(List.of(new RuleFile(ROUTING, table)));

        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("the sheet has 10001 rule rows; the limit is 10000 per sheet: split the table or merge rows that decide the same"));
    }

    /** A copy of the zip with one more entry. */
    private static byte[] rezip(byte[] zip, String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(name));
            out.write(content);
            out.closeEntry();
        }
        return bytes.toByteArray();
    }
}

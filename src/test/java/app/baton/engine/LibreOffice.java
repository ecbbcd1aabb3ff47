package app.baton.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Saves workbooks through LibreOffice Calc, as a clinical lead's edit would: for tests that must
 * show a table LibreOffice wrote still compiles and decides the same. Needs {@code soffice} on the
 * PATH (Debian: {@code libreoffice-calc-nogui}); tests that use it should
 * {@code assumeTrue(LibreOffice.available())}. Each call has its own LibreOffice profile, so
 * parallel calls (and a desktop LibreOffice of the same user) do not lock each other out.
 */
public final class LibreOffice {

    private static final long TIMEOUT_SECONDS = 120;

    private LibreOffice() {
    }

    public static boolean available() {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "soffice")));
    }

    /** The workbook opened and saved again as .xlsx by LibreOffice Calc. */
    public static byte[] roundTrip(byte[] xlsx) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("baton-soffice");
            Path in = Files.write(dir.resolve("table.drl.xlsx"), xlsx);
            Path out = Files.createDirectory(dir.resolve("out"));
            Process soffice = new ProcessBuilder("soffice", "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                    "--headless", "--convert-to", "xlsx", "--outdir", out.toString(), in.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
            if (!soffice.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                soffice.destroyForcibly();
                throw new IllegalStateException("soffice did not finish within " + TIMEOUT_SECONDS + " s");
            }
            Path converted = out.resolve("table.drl.xlsx");
            if (soffice.exitValue() != 0 || !Files.exists(converted)) {
                throw new IllegalStateException("soffice could not convert the workbook: " + Files.readString(dir.resolve("soffice.log")));
            }
            return Files.readAllBytes(converted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while soffice ran", e);
        } finally {
            delete(dir);
        }
    }

    /**
     * The workbook with one cell of its first sheet changed (for example "G28" of the routing
     * table), saved by LibreOffice: the cell is set with POI, then LibreOffice rewrites the whole
     * file as it would after a clinical lead's edit.
     */
    public static byte[] setCell(byte[] xlsx, String address, String value) {
        return roundTrip(Workbooks.edit(xlsx, wb -> Workbooks.cell(wb, address).setCellValue(value)));
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not worth failing a test for
        }
    }
}

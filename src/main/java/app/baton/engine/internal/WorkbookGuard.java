package app.baton.engine.internal;

import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Looks at an uploaded workbook's bytes before POI opens it, so that what is not a plain
 * spreadsheet is turned away with words a clinical lead understands: too large, not a workbook
 * at all, password-protected, carrying macros, damaged, or a zip bomb.
 */
public final class WorkbookGuard {

    /** The largest workbook accepted (the limit); larger ones are refused unread. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    /** What the unpacked parts of an .xlsx may add up to; a 50,000-row table unpacks to about 25 MB. */
    static final long MAX_UNPACKED_BYTES = 256L * 1024 * 1024;
    /** Spreadsheet XML compresses about 10 to 20 times; a far higher ratio is a zip bomb's mark. */
    static final int MAX_RATIO = 100;

    private WorkbookGuard() {
    }

    /** Why the file must not be opened, or empty when it may. */
    public static Optional<String> refuse(byte[] content) {
        if (content.length > MAX_BYTES) {
            return Optional.of(String.format(Locale.ROOT, "the file is %.1f MB; the limit is %d MB: split the table or remove what it does not need",
                    content.length / (1024.0 * 1024), MAX_BYTES / (1024 * 1024)));
        }
        if (content.length == 0) {
            return Optional.of("the file is empty");
        }
        FileMagic magic = FileMagic.valueOf(content);
        return switch (magic) {
            case OOXML -> inspectZip(content);
            case OLE2 -> inspectOle2(content);
            case PDF -> Optional.of("the file is a PDF, not an Excel workbook: open the table in Excel or LibreOffice and save it as .xlsx");
            default -> Optional.of("the file is not an Excel workbook (.xlsx); it looks like " + describe(magic)
                    + ": open the table in Excel or LibreOffice and save it as .xlsx");
        };
    }

    private static String describe(FileMagic magic) {
        return switch (magic) {
            case XML, HTML -> "a web page or XML file";
            case JPEG, GIF, PNG, TIFF, BMP, WMF, EMF -> "a picture";
            case RTF, WORD2, MSWRITE -> "a text document";
            default -> "plain text or another kind of file";
        };
    }

    /** Excel writes a password-protected .xlsx as an OLE2 container holding the encrypted package. */
    private static Optional<String> inspectOle2(byte[] content) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            if (fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage")) {
                return Optional.of("the workbook is password-protected: remove the password to open, save, and upload again");
            }
            if (fs.getRoot().hasEntry("_VBA_PROJECT_CUR")) {
                return Optional.of("the workbook contains macros; Baton takes plain workbooks only: save it as .xlsx (Excel Workbook)");
            }
            return fs.getRoot().hasEntry("Workbook") || fs.getRoot().hasEntry("Book") ? Optional.empty()
                    : Optional.of("the file is an Office document but not an Excel workbook: save the table as .xlsx");
        } catch (IOException | RuntimeException e) {
            return Optional.of(damaged());
        }
    }

    private static Optional<String> inspectZip(byte[] content) {
        long unpacked = 0;
        boolean workbookPart = false;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (name.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin")) {
                    return Optional.of("the workbook contains macros (.xlsm); Baton takes plain workbooks only: save it as .xlsx (Excel Workbook)");
                }
                workbookPart |= name.equals("xl/workbook.xml");
                boolean contentTypes = name.equals("[Content_Types].xml");
                StringBuilder types = new StringBuilder();
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    unpacked += n;
                    if (contentTypes) {
                        types.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                    if (unpacked > MAX_UNPACKED_BYTES || unpacked > 1024L * 1024 && unpacked > (long) MAX_RATIO * content.length) {
                        return Optional.of("the file unpacks to far more than a spreadsheet of its size can hold (more than "
                                + Math.min(unpacked, MAX_UNPACKED_BYTES) / (1024 * 1024) + " MB from " + content.length / 1024
                                + " KB); it looks like a zip bomb and was not opened");
                    }
                }
                if (contentTypes && types.indexOf("macroEnabled") >= 0) {
                    return Optional.of("the workbook is macro-enabled (.xlsm); Baton takes plain workbooks only: save it as .xlsx (Excel Workbook)");
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.of(damaged());
        }
        return workbookPart ? Optional.empty()
                : Optional.of("the file is a zip archive but not an Excel workbook: save the table as .xlsx");
    }

    static String damaged() {
        return "the file is damaged or incomplete and cannot be opened as a workbook: save it again from Excel or LibreOffice and upload the new file";
    }
}

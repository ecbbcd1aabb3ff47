package app.baton.ruleset;

import app.baton.engine.RuleFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A version's files as a zip laid out like the repository, the same layout an upload of a bundle takes. */
final class BundleZip {

    private BundleZip() {
    }

    static byte[] write(List<RuleFile> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (RuleFile file : files) {
                ZipEntry entry = new ZipEntry(file.path());
                entry.setTime(0);
                zip.putNextEntry(entry);
                zip.write(file.content());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}

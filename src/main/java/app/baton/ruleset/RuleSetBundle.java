package app.baton.ruleset;

import app.baton.engine.RuleFile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The files of one rule set version. Its sha256 is taken over every file's path and content
 * hash in path order, so the same files always give the same hash, and any changed byte a new one.
 */
public record RuleSetBundle(List<RuleFile> files) {

    public RuleSetBundle {
        files = files.stream().sorted(Comparator.comparing(RuleFile::path)).toList();
    }

    public String sha256() {
        MessageDigest digest = sha();
        for (RuleFile file : files) {
            digest.update(file.path().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(sha256(file.content()).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) '\n');
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String sha256(byte[] content) {
        return HexFormat.of().formatHex(sha().digest(content));
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}

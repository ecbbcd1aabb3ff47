package app.baton.engine;

import app.baton.engine.internal.Digests;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rule pack a release of Baton ships inside the application (under {@code starter-pack/} on the
 * class path: {@code rules/}, {@code decision-tables/}, {@code test-scenarios/}), and the one thing
 * the compiler takes from it: which rule files (DRL) a version may hold. A rule file is Java code
 * that runs as the service, so it changes only with a release, reviewed like code; a version may
 * hold a shipped rule file byte for byte, or leave it out, and nothing else.
 */
public final class ShippedRules {

    private static final String ROOT = "starter-pack/";

    private final List<RuleFile> files;
    private final Map<String, byte[]> drl;

    private ShippedRules(List<RuleFile> files) {
        this.files = List.copyOf(files);
        Map<String, byte[]> drl = new LinkedHashMap<>();
        files.stream().filter(RuleFile::isDrl).forEach(file -> drl.putIfAbsent(file.path(), file.content()));
        this.drl = Map.copyOf(drl);
    }

    /** What the running release ships, read once from the class path. */
    public static ShippedRules release() {
        return Release.SHIPPED;
    }

    /**
     * Rule files treated as shipped, for tests and tools that compile rule files of their own:
     * application code compiles with {@link #release()}, through {@link RuleCompiler#RuleCompiler()}.
     */
    public static ShippedRules of(List<RuleFile> files) {
        return new ShippedRules(files);
    }

    /** Every file of the pack, by its path in the repository layout. */
    public List<RuleFile> files() {
        return files;
    }

    /** Why {@code file}, a rule file of a version, must not be compiled; empty when it is shipped byte for byte. */
    Optional<String> refusal(RuleFile file) {
        byte[] shipped = drl.get(file.path());
        if (shipped == null) {
            return Optional.of("this release does not ship this rule file: rule files (DRL) are code, and they change only with a"
                    + " new release of Baton, reviewed like code. Make the change in a decision table, or ask for it in a release");
        }
        if (!Arrays.equals(shipped, file.content())) {
            return Optional.of("this rule file differs from the file this release ships: rule files (DRL) are code, and they change"
                    + " only with a new release of Baton, reviewed like code. Keep the shipped file as it is, or leave it out");
        }
        return Optional.empty();
    }

    /**
     * The shipped rule files as one digest, in path order: a version's compiled form is only valid for
     * the release whose rule files it was checked against.
     */
    String digest() {
        MessageDigest sha = Digests.sha256();
        drl.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(file -> {
            sha.update(file.getKey().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(file.getValue());
            sha.update((byte) 0);
        });
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Loaded on first use, so that a class that never compiles reads nothing. */
    private static final class Release {

        static final ShippedRules SHIPPED = new ShippedRules(read());

        private static List<RuleFile> read() {
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(ShippedRules.class.getClassLoader());
            try {
                // The first copy of a path on the class path wins, as it does for classes.
                Map<String, RuleFile> files = new LinkedHashMap<>();
                for (Resource resource : resolver.getResources("classpath*:" + ROOT + "**/*")) {
                    String url = resource.getURL().toString();
                    String path = url.substring(url.lastIndexOf(ROOT) + ROOT.length());
                    if (!resource.isReadable() || path.isEmpty() || path.endsWith("/") || files.containsKey(path)) {
                        continue;
                    }
                    try (var in = resource.getInputStream()) {
                        files.put(path, new RuleFile(path, in.readAllBytes()));
                    }
                }
                return new ArrayList<>(files.values());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the rule pack shipped with Baton", e);
            }
        }
    }
}

package app.baton.engine;

import app.baton.engine.internal.Digests;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.kie.api.builder.ReleaseId;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A compiled rule set version as bytes, so that another start of Baton loads it instead of compiling the
 * version's files again: every file of the executable-model build (the generated classes and what Drools
 * wrote beside them) and what the engine read from the files (where each rule comes from, the request
 * fields the rules read), in one zip. Derived data: the version's files stay what it is and what is audited.
 *
 * <p>It is valid only for its {@link #fingerprint()} (the version's files, the shipped rule files, the
 * Drools version, the Java version and Baton's engine code: {@link RuleCompiler#fingerprint}), and only
 * with its {@link #sha256()}: {@link RuleCompiler#load} refuses anything else before any class of it is
 * loaded, and checks the generated classes against the same bytecode allow-list as a fresh build.
 */
public final class CompiledForm {

    private static final int FORMAT = 1;
    private static final String HEADER = "baton/compiled-form";
    private static final String SOURCES = "baton/sources";
    private static final String INPUTS_READ = "baton/inputs-read";
    private static final String MODULE = "kjar/";
    /** A form larger than this when unzipped is refused rather than read into memory. */
    private static final long MAX_UNZIPPED = 1L << 30;

    private final String fingerprint;
    private final byte[] bytes;
    private final String sha256;

    private CompiledForm(String fingerprint, byte[] bytes, String sha256) {
        this.fingerprint = fingerprint;
        this.bytes = bytes;
        this.sha256 = sha256;
    }

    /** A form as storage gives it back: the bytes, and the fingerprint and hash stored with them. */
    public static CompiledForm stored(String fingerprint, byte[] bytes, String sha256) {
        return new CompiledForm(fingerprint, bytes, sha256);
    }

    static CompiledForm write(CompiledRules rules, String fingerprint) {
        InternalKieModule module = rules.module();
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            // The class files are most of it; the fastest level keeps writing cheap and still halves them.
            zip.setLevel(Deflater.BEST_SPEED);
            entry(zip, HEADER, data -> {
                data.writeInt(FORMAT);
                data.writeUTF(fingerprint);
                ReleaseId id = module.getReleaseId();
                data.writeUTF(id.getGroupId());
                data.writeUTF(id.getArtifactId());
                data.writeUTF(id.getVersion());
                data.writeInt(rules.rules().size());
            });
            entry(zip, SOURCES, data -> {
                data.writeInt(rules.rules().size());
                for (Map.Entry<String, RuleSource> rule : rules.rules().entrySet()) {
                    data.writeUTF(rule.getKey());
                    data.writeUTF(rule.getValue().file());
                    data.writeBoolean(rule.getValue().sheet() != null);
                    data.writeUTF(rule.getValue().sheet() == null ? "" : rule.getValue().sheet());
                    data.writeInt(rule.getValue().row());
                }
            });
            entry(zip, INPUTS_READ, data -> {
                data.writeInt(rules.inputsRead().size());
                for (String input : rules.inputsRead()) {
                    data.writeUTF(input);
                }
            });
            for (String name : module.getFileNames()) {
                zip.putNextEntry(new ZipEntry(MODULE + name));
                zip.write(module.getBytes(name));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the compiled form of rule set version " + rules.version(), e);
        }
        byte[] bytes = out.toByteArray();
        return new CompiledForm(fingerprint, bytes, Digests.sha256(bytes));
    }

    /** What everything it was compiled from and with comes to; see {@link RuleCompiler#fingerprint}. */
    public String fingerprint() {
        return fingerprint;
    }

    public byte[] bytes() {
        return bytes;
    }

    /** The SHA-256 of {@link #bytes()}, taken when the form was written. */
    public String sha256() {
        return sha256;
    }

    /** The contents, once the bytes are proved to be the ones written under this fingerprint. */
    Contents read(String expectedFingerprint) {
        if (!fingerprint.equals(expectedFingerprint)) {
            throw new CompiledFormRefused("it was compiled from other files or by another build of Baton");
        }
        if (!Digests.sha256(bytes).equals(sha256)) {
            throw new CompiledFormRefused("its bytes do not match their stored SHA-256 (damaged or changed)");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                byte[] content = zip.readAllBytes();
                total += content.length;
                if (total > MAX_UNZIPPED) {
                    throw new CompiledFormRefused("it unzips to more than " + (MAX_UNZIPPED >> 20) + " MB");
                }
                if (entries.put(entry.getName(), content) != null) {
                    throw new CompiledFormRefused("it holds " + entry.getName() + " twice");
                }
            }
        } catch (IOException e) {
            throw new CompiledFormRefused("it cannot be unzipped", e);
        }
        try {
            return contents(entries, expectedFingerprint);
        } catch (IOException e) {
            throw new CompiledFormRefused("its description cannot be read", e);
        }
    }

    private static Contents contents(Map<String, byte[]> entries, String expectedFingerprint) throws IOException {
        DataInputStream header = data(entries, HEADER);
        int format = header.readInt();
        if (format != FORMAT) {
            throw new CompiledFormRefused("it is in format " + format + ", this build reads format " + FORMAT);
        }
        if (!header.readUTF().equals(expectedFingerprint)) {
            throw new CompiledFormRefused("the fingerprint inside it is not the one stored with it");
        }
        String group = header.readUTF();
        String artifact = header.readUTF();
        String version = header.readUTF();
        int rules = header.readInt();

        DataInputStream sources = data(entries, SOURCES);
        Map<String, RuleSource> rulesByName = new LinkedHashMap<>();
        for (int i = sources.readInt(); i > 0; i--) {
            String rule = sources.readUTF();
            String file = sources.readUTF();
            boolean hasSheet = sources.readBoolean();
            String sheet = sources.readUTF();
            rulesByName.put(rule, new RuleSource(file, hasSheet ? sheet : null, sources.readInt()));
        }
        if (rulesByName.size() != rules) {
            throw new CompiledFormRefused("it names " + rulesByName.size() + " rules where its header says " + rules);
        }
        DataInputStream inputs = data(entries, INPUTS_READ);
        Set<String> inputsRead = new LinkedHashSet<>();
        for (int i = inputs.readInt(); i > 0; i--) {
            inputsRead.add(inputs.readUTF());
        }
        Map<String, byte[]> module = new LinkedHashMap<>();
        entries.forEach((name, content) -> {
            if (name.startsWith(MODULE)) {
                module.put(name.substring(MODULE.length()), content);
            }
        });
        if (module.isEmpty()) {
            throw new CompiledFormRefused("it holds no compiled module");
        }
        requireOwnClasses(module);
        return new Contents(group, artifact, version, rulesByName, inputsRead, module);
    }

    /**
     * The lists Drools and the service loader instantiate classes from (the model classes, the generated class
     * names, the rule unit services) may name only classes the module holds, which the allow-list reads:
     * never a class of the application or of a library whose constructor would run.
     */
    private static void requireOwnClasses(Map<String, byte[]> module) {
        module.forEach((name, content) -> {
            boolean names = name.startsWith("META-INF/services/")
                    || (name.startsWith("META-INF/kie/") && (name.endsWith("/drools-model") || name.endsWith("/generated-class-names")));
            if (!names) {
                return;
            }
            new String(content, StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.contains(":"))
                    .filter(line -> !module.containsKey(line.replace('.', '/') + ".class"))
                    .findFirst()
                    .ifPresent(line -> {
                        throw new CompiledFormRefused("its " + name + " names a class it does not hold: " + line);
                    });
        });
    }

    private static DataInputStream data(Map<String, byte[]> entries, String name) {
        byte[] content = entries.get(name);
        if (content == null) {
            throw new CompiledFormRefused("it has no " + name);
        }
        return new DataInputStream(new ByteArrayInputStream(content));
    }

    private interface Writer {
        void write(DataOutputStream data) throws IOException;
    }

    private static void entry(ZipOutputStream zip, String name, Writer writer) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(buffer);
        writer.write(data);
        data.flush();
        zip.write(buffer.toByteArray());
        zip.closeEntry();
    }

    /** What a form holds: the build's release id, the rules' sources, the inputs read and the module's files. */
    record Contents(String group, String artifact, String version, Map<String, RuleSource> sources, Set<String> inputsRead,
                    Map<String, byte[]> module) {
    }
}

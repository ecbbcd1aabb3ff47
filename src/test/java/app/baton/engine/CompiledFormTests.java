package app.baton.engine;

import app.baton.engine.internal.Digests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A compiled rule set version stored as bytes and loaded again without compiling: it loads the same rules
 * from the same places, and it is refused, before any class of it is loaded, when its bytes are damaged or
 * changed, when it was compiled from other files or by another build, or when its classes use what no rule
 * may use (as someone who can write to the database could make them).
 */
class CompiledFormTests {

    private static final RuleCompiler compiler = new RuleCompiler();
    private static List<RuleFile> files;
    private static CompiledRules compiled;
    private static CompiledForm form;

    @BeforeAll
    static void compileTheStarterPack() {
        files = StarterFiles.load();
        compiled = compiler.compile("1", files);
        form = compiler.compiledForm(compiled, files);
    }

    @AfterAll
    static void dispose() {
        compiled.close();
    }

    @Test
    void theLoadedVersionHasTheCompiledOnesRulesSourcesAndInputs() {
        try (CompiledRules loaded = compiler.load("1", form, files)) {
            assertThat(loaded.version()).isEqualTo("1");
            assertThat(loaded.rules()).isEqualTo(compiled.rules()).hasSizeGreaterThan(100);
            assertThat(loaded.inputsRead()).isEqualTo(compiled.inputsRead()).isNotEmpty();
        }
    }

    @Test
    void theFormIsTheSameBytesWhereverItIsStoredAndItsHashIsTheirs() {
        CompiledForm stored = CompiledForm.stored(form.fingerprint(), form.bytes().clone(), form.sha256());

        assertThat(form.sha256()).isEqualTo(Digests.sha256(form.bytes()));
        assertThat(form.fingerprint()).isEqualTo(compiler.fingerprint(files)).hasSize(64);
        try (CompiledRules loaded = compiler.load("1", stored, files)) {
            assertThat(loaded.rules()).isEqualTo(compiled.rules());
        }
    }

    @Test
    void theFingerprintCoversEveryFileOfTheVersionButNotTheirOrder() {
        List<RuleFile> reversed = new ArrayList<>(files);
        Collections.reverse(reversed);
        List<RuleFile> oneScenarioChanged = new ArrayList<>(files);
        int scenario = indexOf(oneScenarioChanged, RuleFile::isScenario);
        RuleFile old = oneScenarioChanged.get(scenario);
        oneScenarioChanged.set(scenario, new RuleFile(old.path(), (new String(old.content(), StandardCharsets.UTF_8) + "\n")
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(compiler.fingerprint(reversed)).isEqualTo(form.fingerprint());
        assertThat(compiler.fingerprint(oneScenarioChanged)).isNotEqualTo(form.fingerprint());
        assertThat(compiler.fingerprint(files.subList(1, files.size()))).isNotEqualTo(form.fingerprint());
    }

    @Test
    void aFormCompiledFromOtherFilesIsRefused() {
        List<RuleFile> other = files.stream().filter(f -> !f.isScenario()).toList();

        assertThatThrownBy(() -> compiler.load("1", form, other))
                .isInstanceOf(CompiledFormRefused.class)
                .hasMessageContaining("compiled from other files or by another build");
    }

    @Test
    void aFormStoredUnderAnotherFingerprintIsRefused() {
        CompiledForm otherBuild = CompiledForm.stored("0".repeat(64), form.bytes(), form.sha256());

        assertThatThrownBy(() -> compiler.load("1", otherBuild, files))
                .isInstanceOf(CompiledFormRefused.class)
                .hasMessageContaining("compiled from other files or by another build");
    }

    @Test
    void aFormWithOneChangedByteIsRefused() {
        byte[] changed = form.bytes().clone();
        changed[changed.length / 2] ^= 1;

        assertThatThrownBy(() -> compiler.load("1", CompiledForm.stored(form.fingerprint(), changed, form.sha256()), files))
                .isInstanceOf(CompiledFormRefused.class)
                .hasMessageContaining("do not match their stored SHA-256");
    }

    @Test
    void aTruncatedFormIsRefused() {
        byte[] truncated = Arrays.copyOf(form.bytes(), form.bytes().length / 2);

        assertThatThrownBy(() -> compiler.load("1", CompiledForm.stored(form.fingerprint(), truncated, form.sha256()), files))
                .isInstanceOf(CompiledFormRefused.class)
                .hasMessageContaining("do not match their stored SHA-256");
        // Even with a hash taken over the truncated bytes, as a writer to the database could store it.
        assertThatThrownBy(() -> compiler.load("1", CompiledForm.stored(form.fingerprint(), truncated, Digests.sha256(truncated)), files))
                .isInstanceOf(CompiledFormRefused.class);
    }

    @Test
    void aFormMissingOneOfItsGeneratedClassesIsRefusedNotLoadedHalf() {
        Map<String, byte[]> entries = unzip(form.bytes());
        String aRuleClass = entries.keySet().stream()
                .filter(name -> name.startsWith("kjar/") && name.endsWith(".class") && name.contains("Rules"))
                .findFirst().orElseThrow();
        entries.remove(aRuleClass);

        assertThatThrownBy(() -> compiler.load("1", rehashed(entries), files)).isInstanceOf(CompiledFormRefused.class);
    }

    @Test
    void aFormThatNamesOtherRulesThanItsClassesHoldIsRefused() throws IOException {
        Map<String, byte[]> entries = unzip(form.bytes());
        // One rule fewer named, consistently in the header and the sources: only the engine's count disagrees.
        DataInputStream header = new DataInputStream(new ByteArrayInputStream(entries.get("baton/compiled-form")));
        ByteArrayOutputStream newHeader = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(newHeader);
        out.writeInt(header.readInt());
        for (int i = 0; i < 4; i++) {
            out.writeUTF(header.readUTF());
        }
        out.writeInt(header.readInt() - 1);
        entries.put("baton/compiled-form", newHeader.toByteArray());
        DataInputStream sources = new DataInputStream(new ByteArrayInputStream(entries.get("baton/sources")));
        ByteArrayOutputStream newSources = new ByteArrayOutputStream();
        DataOutputStream kept = new DataOutputStream(newSources);
        int count = sources.readInt();
        kept.writeInt(count - 1);
        for (int i = 0; i < count; i++) {
            String rule = sources.readUTF();
            String file = sources.readUTF();
            boolean hasSheet = sources.readBoolean();
            String sheet = sources.readUTF();
            int row = sources.readInt();
            if (i > 0) {
                kept.writeUTF(rule);
                kept.writeUTF(file);
                kept.writeBoolean(hasSheet);
                kept.writeUTF(sheet);
                kept.writeInt(row);
            }
        }
        entries.put("baton/sources", newSources.toByteArray());

        assertThatThrownBy(() -> compiler.load("1", rehashed(entries), files))
                .isInstanceOf(CompiledFormRefused.class)
                .hasMessageContaining("the engine loaded " + compiled.rules().size());
    }

    @Test
    void aPlantedClassThatUsesWhatNoRuleMayUseIsRefusedBeforeAnyClassIsLoaded() {
        Map<String, byte[]> entries = unzip(form.bytes());
        entries.put("kjar/app/baton/engine/model/Planted.class", plantedClass());

        assertThatThrownBy(() -> compiler.load("1", rehashed(entries), files))
                .isInstanceOf(CompiledFormRefused.class)
                .hasMessageContaining("no rule may use")
                .hasMessageContaining("java.lang.System.setProperty");
        assertThat(System.getProperty("baton.planted")).isNull();
    }

    @Test
    void aFormThatNamesAClassOfTheApplicationForDroolsToCreateIsRefused() {
        Map<String, byte[]> entries = unzip(form.bytes());
        String services = "kjar/META-INF/services/org.drools.ruleunits.api.RuleUnit";
        assertThat(entries).containsKey(services);
        // Not a class of the build: one the application holds, whose constructor the service loader would run.
        entries.put(services, "app.baton.engine.RuleCompiler\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> compiler.load("1", rehashed(entries), files))
                .isInstanceOf(CompiledFormRefused.class)
                .hasMessageContaining("names a class it does not hold: app.baton.engine.RuleCompiler");
    }

    /** A class whose static initializer sets a system property: if the property is set, the class was loaded and ran. */
    private static byte[] plantedClass() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "app/baton/engine/model/Planted", null, "java/lang/Object", null);
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        init.visitCode();
        init.visitLdcInsn("baton.planted");
        init.visitLdcInsn("ran");
        init.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "setProperty",
                "(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;", false);
        init.visitInsn(Opcodes.POP);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** The entries zipped again under the genuine fingerprint, with a hash over the new bytes. */
    private static CompiledForm rehashed(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] bytes = out.toByteArray();
        return CompiledForm.stored(form.fingerprint(), bytes, Digests.sha256(bytes));
    }

    private static Map<String, byte[]> unzip(byte[] bytes) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return entries;
    }

    private static int indexOf(List<RuleFile> files, Predicate<RuleFile> test) {
        for (int i = 0; i < files.size(); i++) {
            if (test.test(files.get(i))) {
                return i;
            }
        }
        throw new IllegalStateException("no such file");
    }
}

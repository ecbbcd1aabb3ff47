package app.baton.engine.internal;

import org.drools.compiler.kie.builder.impl.KieBuilderImpl;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModule;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a compiled rule set depends on besides its files: the Drools that generated and will load its
 * classes, the Java version, and Baton's engine code (the fact classes the generated code is written
 * against, the translator of tables, the templates of code cells, the bytecode allow-list). Any change
 * to one of them changes {@link #digest()}, so a compiled form made by another build is compiled again,
 * never loaded.
 */
public final class EngineBuild {

    private static final String ENGINE_CLASSES = "app/baton/engine/";

    private EngineBuild() {
    }

    /** Read once, on first use. */
    public static String digest() {
        return Holder.DIGEST;
    }

    /** The Drools version, as its jars name it ("unknown" where a jar does not say). */
    public static String droolsVersion() {
        return Holder.DROOLS;
    }

    private static final class Holder {

        static final String DROOLS = drools();
        static final String DIGEST = compute();

        private static String drools() {
            StringBuilder versions = new StringBuilder();
            for (Class<?> part : new Class<?>[] {KieBuilderImpl.class, RuleBaseFactory.class, ExecutableModelProject.class,
                    CanonicalKieModule.class}) {
                String version = part.getPackage() == null ? null : part.getPackage().getImplementationVersion();
                if (!versions.isEmpty()) {
                    versions.append('/');
                }
                versions.append(version == null ? "unknown" : version);
            }
            return versions.toString();
        }

        private static String compute() {
            MessageDigest sha = Digests.sha256();
            sha.update(("drools " + DROOLS + "\njava " + System.getProperty("java.specification.version") + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            engineClasses().forEach((path, hash) -> sha.update((path + " " + hash + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        }

        /** Every class file of the engine on the class path, by path (with its place, where two places hold one path). */
        private static Map<String, String> engineClasses() {
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(EngineBuild.class.getClassLoader());
            Map<String, String> classes = new TreeMap<>();
            try {
                for (Resource resource : resolver.getResources("classpath*:" + ENGINE_CLASSES + "**/*.class")) {
                    String url = resource.getURL().toString();
                    String path = url.substring(url.lastIndexOf(ENGINE_CLASSES));
                    try (InputStream in = resource.getInputStream()) {
                        String hash = Digests.sha256(in.readAllBytes());
                        classes.merge(path, hash, (one, other) -> one.compareTo(other) <= 0 ? one + "+" + other : other + "+" + one);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read Baton's engine classes", e);
            }
            if (classes.isEmpty()) {
                throw new IllegalStateException("Baton's engine classes are not on the class path");
            }
            return classes;
        }
    }
}

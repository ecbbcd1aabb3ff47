package app.baton.ruleset;

import app.baton.engine.RuleFile;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The starter rule pack shipped inside the application: rules/, decision-tables/, test-scenarios/. */
final class StarterPack {

    static final String AUTHOR = "starter-pack";

    private static final String ROOT = "starter-pack/";

    private StarterPack() {
    }

    static RuleSetBundle load() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(StarterPack.class.getClassLoader());
        try {
            List<RuleFile> files = new ArrayList<>();
            for (Resource resource : resolver.getResources("classpath*:" + ROOT + "**/*")) {
                if (!resource.isReadable()) {
                    continue;
                }
                String url = resource.getURL().toString();
                String path = url.substring(url.lastIndexOf(ROOT) + ROOT.length());
                if (path.endsWith("/")) {
                    continue;
                }
                try (var in = resource.getInputStream()) {
                    files.add(new RuleFile(path, in.readAllBytes()));
                }
            }
            return new RuleSetBundle(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the starter rule pack", e);
        }
    }
}

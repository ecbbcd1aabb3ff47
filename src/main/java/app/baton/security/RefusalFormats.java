package app.baton.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The {@link RefusalFormat}s other modules declare, looked up per path when a refusal is written. Looked up lazily
 * (the valves in front of Spring are made before the other modules' beans). The valves, made by the servlet
 * container rather than by Spring, reach the formats through {@link BareProblems}.
 */
@Component
class RefusalFormats {

    private final Supplier<Stream<RefusalFormat>> formats;

    @Autowired
    RefusalFormats(ObjectProvider<RefusalFormat> formats) {
        this(formats::orderedStream);
        BareProblems.use(this);
    }

    /** These formats, for tests of the filters: the valves keep the application's. */
    RefusalFormats(Supplier<Stream<RefusalFormat>> formats) {
        this.formats = formats;
    }

    Optional<RefusalFormat> covering(String path) {
        return formats.get().filter(format -> format.covers(path)).findFirst();
    }
}

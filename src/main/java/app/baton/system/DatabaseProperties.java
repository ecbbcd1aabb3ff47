package app.baton.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Where Baton keeps its data. With {@code url} blank Baton starts its own PostgreSQL (real
 * binaries served from Maven) whose files live in {@code embedded.dataDir}, so a restart loses
 * nothing.
 */
@ConfigurationProperties("baton.db")
public record DatabaseProperties(String url, String user, String password, int poolSize, Embedded embedded) {

    public record Embedded(Path dataDir, int port, boolean clean) {
    }

    public DatabaseProperties {
        poolSize = poolSize <= 0 ? 10 : poolSize;
        embedded = embedded == null ? new Embedded(null, 0, false) : embedded;
    }

    public boolean external() {
        return url != null && !url.isBlank();
    }
}

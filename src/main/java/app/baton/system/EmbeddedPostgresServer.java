package app.baton.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One embedded PostgreSQL server per data directory and JVM. Shared, so that test contexts that
 * point at the same directory reuse the server; stopped by a shutdown hook.
 */
final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();

    private EmbeddedPostgresServer() {
    }

    static String jdbcUrl(DatabaseProperties.Embedded settings) {
        Path dir = settings.dataDir().toAbsolutePath().normalize();
        EmbeddedPostgres server = SERVERS.computeIfAbsent(dir, d -> start(d, settings));
        return server.getJdbcUrl("postgres", "postgres");
    }

    private static EmbeddedPostgres start(Path dir, DatabaseProperties.Embedded settings) {
        try {
            Files.createDirectories(dir);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(settings.clean())
                    .setPort(settings.port())
                    .setServerConfig("max_connections", "200")
                    // The default 10 s wait fails the whole test run on a loaded 2-core machine.
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(true)
                    .start();
            log.info("embedded PostgreSQL started on port {} with its data in {}", server.getPort(), dir);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dir, e);
        }
    }
}

package app.baton.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The data source: the configured PostgreSQL, or the embedded one when none is configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties db) {
        HikariConfig config = new HikariConfig();
        if (db.external()) {
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
        } else {
            config.setJdbcUrl(EmbeddedPostgresServer.jdbcUrl(db.embedded()));
            config.setUsername("postgres");
        }
        config.setMaximumPoolSize(db.poolSize());
        config.setPoolName("baton");
        // Fail a request fast while the database is away, instead of queueing it for 30 s.
        config.setConnectionTimeout(3_000);
        config.setInitializationFailTimeout(-1);
        // A JDBC batch of inserts (db-scheduler schedules a sweep page's hundreds of notice fan-outs as one) goes to
        // PostgreSQL as multi-row inserts instead of one statement per row. Only inserts are rewritten, and their
        // per-row counts become SUCCESS_NO_INFO; nothing in Baton or its libraries reads them.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }
}

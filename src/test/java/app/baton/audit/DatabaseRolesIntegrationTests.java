package app.baton.audit;

import app.baton.BatonApplication;
import app.baton.HttpJson;
import app.baton.Requests;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production database roles of docs/compliance-guide.md, exactly as its SQL files say: Baton
 * migrated by the owner, running as a role that owns nothing, which can add to the audit trail and
 * link its entries into the hash chain, but never change an entry or switch off its trigger.
 */
@SpringBootTest
@ActiveProfiles("test")
class DatabaseRolesIntegrationTests {

    @Autowired
    DataSource superuser;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theApplicationRoleAddsToTheAuditTrailButCanNeitherChangeItNorDisableItsTrigger() throws Exception {
        String serverUrl = ((HikariDataSource) superuser).getJdbcUrl();
        // The embedded server's URL names its user in the query string, which would win over ours.
        String batonUrl = serverUrl.replaceFirst("/postgres(\\?.*)?$", "/baton");
        for (String statement : statements("database-roles.sql")) {
            jdbc.sql(statement).update();
        }
        try (Connection admin = DriverManager.getConnection(batonUrl, "postgres", "")) {
            run(admin, "database-role-grants.sql");
        }

        try (ConfigurableApplicationContext baton = new SpringApplicationBuilder(BatonApplication.class).profiles("test").run(
                "--server.port=0", "--baton.db.url=" + batonUrl, "--baton.db.user=baton_app", "--baton.db.password=change-me-app",
                "--spring.flyway.user=baton_owner", "--spring.flyway.password=change-me-owner")) {
            try (Connection owner = DriverManager.getConnection(batonUrl, "baton_owner", "change-me-owner")) {
                run(owner, "revoke-app-changes.sql");
            }
            HttpJson http = new HttpJson(((WebServerApplicationContext) baton).getWebServer().getPort());
            assertThat(http.post("/api/v1/decisions", Requests.workedExample(UUID.randomUUID().toString())).status()).isEqualTo(200);
            baton.getBean(AuditChainer.class).chainStaged();
            assertThat(baton.getBean(AuditChainVerifier.class).verify()).satisfies(chain -> {
                assertThat(chain.intact()).isTrue();
                assertThat(chain.entries()).isPositive();
            });

            // Partition maintenance creates months as the owner (Flyway's credentials), which the application role cannot.
            assertThat(baton.getBean(PartitionMaintenance.class).createAhead("audit_event",
                    java.time.Instant.now().plus(java.time.Duration.ofDays(400)))).isEmpty();

            try (Connection app = DriverManager.getConnection(batonUrl, "baton_app", "change-me-app");
                 Statement sql = app.createStatement()) {
                assertThat(count(sql, "select count(*) from audit_event")).isPositive();
                assertThat(text(sql, "select string_agg(distinct tableowner, ',') from pg_tables where tablename like 'audit_event_y%'"))
                        .isEqualTo("baton_owner");
                assertThatThrownBy(() -> sql.execute("select baton_month_partition('audit_event', date '2031-01-01')"))
                        .hasMessageContaining("permission denied");
                assertThatThrownBy(() -> sql.executeUpdate("update audit_event set hash = repeat('0', 64) where hash is not null"))
                        .as("a linked entry is never linked again").hasMessageContaining("the audit trail is append-only");
                assertThat(count(sql, "select count(*) from flyway_schema_history where installed_by = 'baton_owner'"))
                        .as("migrations installed by " + text(sql, "select string_agg(distinct installed_by, ',') from flyway_schema_history")
                                + "; audit_event owned by " + text(sql, "select tableowner from pg_tables where tablename = 'audit_event'"))
                        .isPositive();
                assertThatThrownBy(() -> sql.executeUpdate("update audit_event set actor = 'someone else'"))
                        .hasMessageContaining("permission denied");
                assertThatThrownBy(() -> sql.executeUpdate("delete from audit_event")).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> sql.executeUpdate("truncate audit_event")).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> sql.executeUpdate("delete from rule_set_file")).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> sql.execute("alter table audit_event disable trigger all")).hasMessageContaining("must be owner");
                assertThatThrownBy(() -> sql.execute("create table scratch (id int)")).hasMessageContaining("permission denied");
            }
        }
    }

    static long count(Statement sql, String query) throws SQLException {
        try (var rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static String text(Statement sql, String query) throws SQLException {
        try (var rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    static void run(Connection connection, String file) throws Exception {
        try (Statement sql = connection.createStatement()) {
            for (String statement : statements(file)) {
                sql.execute(statement);
            }
        }
    }

    /** The statements of a file in docs/sql, without its comments. */
    static String[] statements(String file) throws Exception {
        String text = Files.readString(Path.of("docs/sql", file)).replaceAll("(?m)--.*$", "");
        return Arrays.stream(text.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }
}

package app.baton.audit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Partition maintenance as a recurring db-scheduler task: one row in {@code scheduled_tasks} that one instance of a
 * cluster at a time picks, so partitions are created, exported and dropped once. Creating and dropping a partition
 * needs the tables' owner: when Flyway migrates as another role than the application ({@code spring.flyway.user},
 * docs/compliance-guide.md, "The database role"), the maintenance connects as that role too.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PartitionProperties.class)
class PartitionTasks {

    static final String MAINTENANCE = "partition-maintenance";

    @Bean
    PartitionMaintenance partitionMaintenance(DataSource dataSource, Environment environment, PartitionExports exports,
                                              AuditCheckpoints checkpoints, PartitionProperties settings, Clock clock) {
        return new PartitionMaintenance(ownerDataSource(dataSource, environment), exports, checkpoints, settings, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "baton.partitions.enabled", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> partitionMaintenanceTask(PartitionMaintenance maintenance, PartitionProperties settings) {
        return Tasks.recurring(MAINTENANCE, FixedDelay.of(settings.interval()))
                .execute((instance, context) -> maintenance.run());
    }

    private static DataSource ownerDataSource(DataSource application, Environment environment) {
        String owner = environment.getProperty("spring.flyway.user");
        if (owner == null || owner.isBlank()) {
            return application;
        }
        String url = environment.getProperty("spring.flyway.url");
        if ((url == null || url.isBlank()) && application instanceof HikariDataSource hikari) {
            url = hikari.getJdbcUrl();
        }
        return new DriverManagerDataSource(url, owner, environment.getProperty("spring.flyway.password", ""));
    }
}

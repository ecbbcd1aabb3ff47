package app.baton.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The audit module runs its chain verification on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditConfiguration {
}

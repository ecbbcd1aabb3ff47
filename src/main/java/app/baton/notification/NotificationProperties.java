package app.baton.notification;

import app.baton.security.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/** @param queueRoles which role works each queue: a notice addressed to a queue reaches the users holding it */
@ConfigurationProperties("baton.notifications")
record NotificationProperties(Map<String, Role> queueRoles) {

    NotificationProperties {
        queueRoles = queueRoles == null ? Map.of() : Map.copyOf(queueRoles);
    }
}

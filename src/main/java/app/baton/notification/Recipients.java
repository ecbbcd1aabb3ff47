package app.baton.notification;

import app.baton.security.Role;
import app.baton.security.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.TreeSet;

/**
 * Who sees a notice in the app: the named user (when enabled), the enabled users holding the role,
 * and those holding the role that works the queue; of a notice about a patient, only those whose
 * locations include the patient's location. Read at fan-out, so a user who gets the role later does
 * not see older notices.
 */
@Component
class Recipients {

    private static final Logger log = LoggerFactory.getLogger(Recipients.class);

    private final UserDirectory users;
    private final NotificationProperties settings;

    Recipients(UserDirectory users, NotificationProperties settings) {
        this.users = users;
        this.settings = settings;
    }

    Set<String> of(OutboxMessage message) {
        Set<String> names = new TreeSet<>();
        if (message.username() != null) {
            users.enabledUser(message.username(), message.location()).ifPresent(names::add);
        }
        if (message.role() != null) {
            names.addAll(users.enabledUsersWithRole(Role.valueOf(message.role()), message.location()));
        }
        if (message.queue() != null) {
            Role role = settings.queueRoles().get(message.queue());
            if (role == null) {
                log.warn("notice {}: no role works queue {} (baton.notifications.queue-roles)", message.id(), message.queue());
            } else {
                names.addAll(users.enabledUsersWithRole(role, message.location()));
            }
        }
        return names;
    }
}

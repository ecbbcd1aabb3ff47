package app.baton.notification;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The module's db-scheduler tasks. A notice's fan-out is one task instance named by the notice's id;
 * a webhook delivery is one task instance per delivery and drive ({@code deliveryId/drive}), so a
 * re-drive never meets the instance of the drive before it. db-scheduler runs each instance on one
 * instance of Baton at a time, revives those whose instance died, and calls {@link RetryBackoff}
 * when one throws.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WebhookProperties.class, NotificationProperties.class})
class NotificationTasks {

    static final String FAN_OUT = "notification-fan-out";
    static final String DELIVERY = "webhook-delivery";

    @Bean
    OneTimeTask<Void> notificationFanOutTask(FanOut fanOut, WebhookProperties settings) {
        return Tasks.oneTime(FAN_OUT)
                .onFailure(backoff(settings))
                .execute((instance, context) -> fanOut.run(UUID.fromString(instance.getId()), context.getSchedulerClient()));
    }

    @Bean
    OneTimeTask<Void> webhookDeliveryTask(WebhookDelivery delivery, WebhookProperties settings) {
        return Tasks.oneTime(DELIVERY)
                .onFailure(backoff(settings))
                .execute((instance, context) -> delivery.attempt(DeliveryDrive.parse(instance.getId())));
    }

    private static <T> RetryBackoff<T> backoff(WebhookProperties settings) {
        return new RetryBackoff<>(settings.initialBackoff(), settings.maxBackoff(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /** One drive of one delivery: the task instance id {@code deliveryId/drive}. */
    record DeliveryDrive(UUID deliveryId, int drive) {

        static DeliveryDrive parse(String instanceId) {
            int slash = instanceId.indexOf('/');
            return new DeliveryDrive(UUID.fromString(instanceId.substring(0, slash)), Integer.parseInt(instanceId.substring(slash + 1)));
        }

        String instanceId() {
            return deliveryId + "/" + drive;
        }
    }
}

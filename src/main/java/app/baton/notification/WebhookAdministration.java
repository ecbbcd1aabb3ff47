package app.baton.notification;

import app.baton.notification.NotificationTasks.DeliveryDrive;
import app.baton.system.ApiException;
import app.baton.system.Callers;
import app.baton.system.Problems;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What administrators do with webhooks: register, disable, and send a dead letter again. */
@Service
class WebhookAdministration {

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final WebhookProperties settings;
    private final SchedulerClient scheduler;
    private final DueNow dueNow;
    private final NotificationMetrics metrics;
    private final ApplicationEventPublisher events;
    private final Callers callers;
    private final Clock clock;

    WebhookAdministration(WebhookEndpoints endpoints, WebhookDeliveries deliveries, WebhookProperties settings,
                          SchedulerClient scheduler, DueNow dueNow, NotificationMetrics metrics,
                          ApplicationEventPublisher events, Callers callers, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.settings = settings;
        this.scheduler = scheduler;
        this.dueNow = dueNow;
        this.metrics = metrics;
        this.events = events;
        this.callers = callers;
        this.clock = clock;
    }

    /** Registers an endpoint with a new secret; the returned row holds the secret, which is shown this once. */
    @Transactional
    WebhookEndpoint create(String url, Set<String> kinds) {
        WebhookUrls.problem(url, settings.allowHttpLoopback(), WebhookUrls.SYSTEM).ifPresent(problem -> {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid",
                    "field 'url' is not valid", List.of(new Problems.FieldError("url", problem)));
        });
        WebhookEndpoint endpoint = endpoints.insert(url, kinds, WebhookSignature.newSecret(), callers.current().actor().name());
        events.publishEvent(new WebhookEndpointCreated(endpoint.id(), endpoint.kinds().stream().sorted().toList()));
        return endpoint;
    }

    /** No new deliveries; pending ones are cancelled at their next try. */
    @Transactional
    void disable(UUID id) {
        WebhookEndpoint endpoint = endpoints.find(id).orElseThrow(() -> notFound("webhook-not-found", "No such webhook endpoint"));
        if (endpoint.enabled() && endpoints.disable(id, callers.current().actor().name(), clock.instant())) {
            events.publishEvent(new WebhookEndpointDisabled(id));
        }
    }

    /** Starts a new drive of a dead letter: its tries count from zero again. */
    @Transactional
    Delivery redrive(UUID deliveryId) {
        Delivery delivery = deliveries.find(deliveryId).orElseThrow(() -> notFound("dead-letter-not-found", "No such dead letter"));
        if (delivery.status() != Delivery.Status.DEAD) {
            throw new ApiException(HttpStatus.CONFLICT, "not-a-dead-letter", "The delivery is not a dead letter",
                    "the delivery is " + delivery.status() + "; only DEAD deliveries can be sent again");
        }
        if (!endpoints.find(delivery.endpointId()).map(WebhookEndpoint::enabled).orElse(false)) {
            throw new ApiException(HttpStatus.CONFLICT, "webhook-disabled", "The webhook endpoint is disabled",
                    "its endpoint was disabled; register the receiver again for new notices");
        }
        int drive = deliveries.redrive(deliveryId).orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "not-a-dead-letter",
                "The delivery is not a dead letter", "another request sent it again first"));
        scheduler.schedule(new TaskInstance<Void>(NotificationTasks.DELIVERY, new DeliveryDrive(deliveryId, drive).instanceId()),
                clock.instant());
        dueNow.afterCommit();
        events.publishEvent(new WebhookRedriven(deliveryId, delivery.messageId(), delivery.endpointId(), drive));
        metrics.redriven();
        return deliveries.find(deliveryId).orElseThrow();
    }

    private static ApiException notFound(String type, String title) {
        return new ApiException(HttpStatus.NOT_FOUND, type, title, "nothing has this id");
    }
}

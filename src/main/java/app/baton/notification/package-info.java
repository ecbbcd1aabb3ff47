/**
 * Notices to people and apps: a notice is published in the transaction of the change that caused it (a
 * transactional outbox), then fanned out to in-app notifications of the people concerned and to signed webhook
 * deliveries with retries and dead letters.
 *
 * <p>Its API is {@code Notifications} (publish), {@code Notice} and {@code Audience}, {@code Inbox} (a person's own
 * notifications), {@code Webhooks} (administration) and the webhook events.
 *
 * <p>Owns tables: notification_outbox, user_notification, webhook_endpoint, webhook_delivery, webhook_attempt
 */
package app.baton.notification;

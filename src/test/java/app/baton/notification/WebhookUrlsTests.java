package app.baton.notification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookUrlsTests {

    @Test
    void acceptsHttpsEverywhereAndHttpToLoopbackOnlyWhereAllowed() {
        assertThat(WebhookUrls.problem("https://receiver.example.org/baton", false)).isEmpty();
        assertThat(WebhookUrls.problem("http://localhost:8081/hook", true)).isEmpty();
        assertThat(WebhookUrls.problem("http://127.0.0.1:8081/hook", true)).isEmpty();
        assertThat(WebhookUrls.problem("http://localhost:8081/hook", false)).contains("must be https");
        assertThat(WebhookUrls.problem("http://receiver.example.org/hook", true)).contains("must be https (http only to localhost)");
    }

    @Test
    void refusesRelativeUrlsCredentialsAndOtherSchemes() {
        assertThat(WebhookUrls.problem("/hook", true)).isPresent();
        assertThat(WebhookUrls.problem("https://user:pass@receiver.example.org/", false)).contains("must not carry user info or a fragment");
        assertThat(WebhookUrls.problem("ftp://receiver.example.org/", false)).contains("must be https");
        assertThat(WebhookUrls.problem("https://exa mple.org/", false)).contains("not a valid URL");
    }
}

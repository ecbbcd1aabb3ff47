package app.baton.notification;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTests {

    private static final byte[] BODY = "{\"id\":\"0b9e6a52-2f1c-4d1e-9a59-0f7a3c2d1e55\",\"kind\":\"HAND_OFF\"}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTimestampDotBodyWithTheSecretAsOpensslDoes() {
        // printf '%s' '1767225600.<body>' | openssl dgst -sha256 -hmac 'whsec_test-secret' -hex (docs/webhooks.md)
        assertThat(WebhookSignature.header("whsec_test-secret", 1767225600L, BODY))
                .isEqualTo("t=1767225600,v1=f139fa7177c2d0d565784bfd510a9c67dd8e304eb8edd986dd723e7371215cf0");
    }

    @Test
    void anotherTimestampOrBodyGivesAnotherSignature() {
        String signed = WebhookSignature.hmac("whsec_test-secret", 1767225600L, BODY);

        assertThat(WebhookSignature.hmac("whsec_test-secret", 1767225601L, BODY)).isNotEqualTo(signed);
        assertThat(WebhookSignature.hmac("whsec_test-secret", 1767225600L, "{}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(signed);
        assertThat(WebhookSignature.hmac("whsec_other", 1767225600L, BODY)).isNotEqualTo(signed);
    }

    @Test
    void newSecretsAreLongAndDifferent() {
        String one = WebhookSignature.newSecret();

        assertThat(one).startsWith("whsec_").hasSize("whsec_".length() + 43);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(one);
    }
}

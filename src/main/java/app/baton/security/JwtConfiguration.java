package app.baton.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;

/**
 * JWT bearer tokens from an external identity provider, only when {@code BATON_JWT_ISSUER} is set.
 * Signatures are checked against the provider's JWK set ({@code BATON_JWT_JWK_SET_URI}) or a
 * PEM public key ({@code BATON_JWT_PUBLIC_KEY_LOCATION}); the issuer and the expiry are checked too.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${baton.security.jwt.issuer:}'.isBlank()")
class JwtConfiguration {

    @Bean
    JwtDecoder jwtDecoder(SecuritySettings settings, ResourceLoader resources) {
        SecuritySettings.Jwt jwt = settings.jwt();
        NimbusJwtDecoder decoder;
        if (hasText(jwt.jwkSetUri())) {
            decoder = NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
        } else if (hasText(jwt.publicKeyLocation())) {
            decoder = NimbusJwtDecoder.withPublicKey(publicKey(resources.getResource(jwt.publicKeyLocation()))).build();
        } else {
            throw new IllegalStateException("BATON_JWT_ISSUER is set: set BATON_JWT_JWK_SET_URI or BATON_JWT_PUBLIC_KEY_LOCATION too");
        }
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(jwt.issuer()));
        return decoder;
    }

    @Bean
    JwtIdentities jwtIdentities(SecuritySettings settings) {
        return new JwtIdentities(settings.jwt());
    }

    private static RSAPublicKey publicKey(Resource pem) {
        try (InputStream in = pem.getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JWT public key at " + pem, e);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}

package app.baton.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.util.function.SingletonSupplier;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Puts {@link ClientGate} in front of the application in Tomcat. The API key check is the same cached
 * lookup the security filter chain makes; while the database is away a key counts as absent here
 * (the request takes a slot), and the filter chain answers 503 for it as before. Sizes and time-outs:
 * docs/security.md, "Slow and greedy clients".
 */
@Configuration(proxyBeanMethods = false)
class ClientGateConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> clientGate(ObjectProvider<ApiKeyAuthenticator> apiKeys,
            ObjectProvider<RateLimits> rateLimits,
            @Value("${baton.http.requests-per-address:16}") int perAddress,
            @Value("${baton.http.requests-without-api-key:100}") int total,
            @Value("${baton.http.body-timeout:10s}") Duration bodyTimeout) {
        // Resolved once, on the first request (the valve is made before these beans exist): resolving a bean per
        // request cost a decision about 1 % of its CPU.
        Supplier<ApiKeyAuthenticator> keys = SingletonSupplier.of(apiKeys::getObject);
        Supplier<RateLimits> limits = SingletonSupplier.of(rateLimits::getObject);
        return factory -> factory.addContextValves(new ClientGate((address, key) -> {
            // A key this instance knows costs nothing to check; asking the address's bucket (a locked row in
            // PostgreSQL) first would cost every decision a round trip on a row all its address's calls share.
            if (keys.get().knownUsable(key)) {
                return true;
            }
            // An address that is over its limit of failed authentications gets no key lookup here either.
            if (limits.get().blockedFor(address) > 0) {
                return false;
            }
            try {
                return keys.get().authenticate(key).isPresent();
            } catch (DataAccessException e) {
                return false;
            }
        }, perAddress, total, bodyTimeout));
    }
}

package app.baton.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * One R4 context (its model definitions are costly to build, and thread-safe once built) and one validator for every FHIR
 * input ({@link R4Validation}). The validator's first run loads the R4 definitions (7 to 15 s on two busy cores, about 195 MB of heap): with
 * {@code baton.fhir.validator.warm-up} on (the default), that runs on a thread of its own once the application is ready, so
 * readiness does not wait for it and a FHIR call that comes before it has finished waits for it instead.
 */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FhirConfiguration.class);

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    R4Validation r4Validation(FhirContext context) {
        return new R4Validation(context);
    }

    @EventListener(ApplicationReadyEvent.class)
    void warm(ApplicationReadyEvent ready) {
        boolean enabled = ready.getApplicationContext().getEnvironment().getProperty("baton.fhir.validator.warm-up", Boolean.class, true);
        if (!enabled) {
            log.info("FHIR R4 validator warm-up is off: the first FHIR call warms it");
            return;
        }
        warmInBackground(ready.getApplicationContext().getBean(R4Validation.class));
    }

    static Thread warmInBackground(R4Validation validation) {
        Thread thread = new Thread(() -> {
            try {
                validation.warmUp();
            } catch (RuntimeException e) {
                log.warn("FHIR R4 validator warm-up failed; the first FHIR call warms it: {}", e.toString());
            }
        }, "fhir-validator-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return thread;
    }
}

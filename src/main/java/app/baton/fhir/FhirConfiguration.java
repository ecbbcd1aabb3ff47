package app.baton.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * One R4 context (its model definitions are costly to build, and thread-safe once built) and one validator for every FHIR
 * input. The validator is warmed when the application is ready: the first validation loads the base R4 definitions and
 * compiles the FHIRPath invariants it meets, which a caller's first request should not pay for.
 */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FhirConfiguration.class);

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    FhirValidator fhirValidator(FhirContext context) {
        FhirValidator validator = context.newValidator();
        validator.registerValidatorModule(new R4Validator(context));
        return validator;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warm(ApplicationReadyEvent ready) {
        FhirValidator validator = ready.getApplicationContext().getBean(FhirValidator.class);
        long started = System.nanoTime();
        Task task = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
        task.setFor(new Reference("Patient/warm-up"));
        validator.validateWithResult(task);
        validator.validateWithResult(new CarePlan().setStatus(CarePlan.CarePlanStatus.ACTIVE).setIntent(CarePlan.CarePlanIntent.PLAN)
                .setSubject(new Reference("Patient/warm-up")));
        log.info("FHIR R4 validator warmed in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}

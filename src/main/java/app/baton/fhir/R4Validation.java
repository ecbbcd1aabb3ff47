package app.baton.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;
import org.hl7.fhir.utilities.http.ManagedWebAccess;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * HAPI FHIR's R4 instance validator (the org.hl7.fhir validation module) on an offline support chain: the base R4
 * StructureDefinitions, ValueSets and CodeSystems of hapi-fhir-validation-resources-r4, Baton's own decision-source extension,
 * in-memory terminology (codes of the value sets R4 ships, plus the common code systems such as BCP-47 languages, UCUM and
 * MIME types), and snapshots generated for differential-only profiles. Nothing is fetched over the network. The chain caches
 * what it loads (through hapi-fhir-caching-caffeine).
 *
 * <p>The first validation loads and indexes the R4 definitions (7 to 15 s on two busy cores, about 195 MB of heap), so
 * {@link #warmUp()} runs a sample of each resource kind Baton takes in once; a validation that arrives before the warm-up
 * has finished waits for it (or does it, when no warm-up was started).
 *
 * <p>Profiles claimed in {@code meta.profile} that the chain does not hold (US Core, say) are reported as warnings, never
 * errors: the resource is held to base R4 (and, for Baton's extension, to its StructureDefinition).
 */
class R4Validation {

    private static final Logger log = LoggerFactory.getLogger(R4Validation.class);
    /** Baton's extension definition, the one in docs/fhir/ (the build copies it onto the class path). */
    static final String DECISION_SOURCE_DEFINITION = "fhir/StructureDefinition-decision-source.json";

    private final FhirContext context;
    private final FhirValidator validator;
    private final Object warmUpLock = new Object();
    private volatile boolean warm;

    R4Validation(FhirContext context) {
        this.context = context;
        // the validator core may otherwise try to download packages or reach a terminology server: Baton never does
        ManagedWebAccess.setAccessPolicy(ManagedWebAccess.WebAccessPolicy.PROHIBITED);
        PrePopulatedValidationSupport batons = new PrePopulatedValidationSupport(context);
        batons.addStructureDefinition(decisionSourceDefinition(context));
        ValidationSupportChain chain = new ValidationSupportChain(ValidationSupportChain.CacheConfiguration.defaultValues(),
                new DefaultProfileValidationSupport(context),
                batons,
                new CommonCodeSystemsTerminologyService(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context));
        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
        instanceValidator.setWrappedWorkerContext(chain, new R4WorkerContext(chain));
        instanceValidator.setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
        // an unknown profile (US Core) is a warning; extensions of other parties are welcome (the sender's own come back as sent)
        instanceValidator.setErrorForUnknownProfiles(false);
        instanceValidator.setAnyExtensionsAllowed(true);
        // references to resources on the sender's own server cannot be resolved here and are not an error
        instanceValidator.setAssumeValidRestReferences(true);
        this.validator = context.newValidator();
        this.validator.registerValidatorModule(instanceValidator);
    }

    /**
     * The validator's view of the support chain, saying which FHIR release it holds as the validator's own release lists name
     * it ({@code 4.0}) rather than as HAPI's context does ({@code 4.0.1}). Checking an extension definition's element context
     * (Task, CarePlan...) compares the two; with {@code 4.0.1} they do not match, and the validator then tries to download the
     * R4 core package ("hl7.fhir.r4.core#null"), which fails offline and is reported as a snapshot error of any extension's
     * StructureDefinition, Baton's decision-source among them.
     */
    static final class R4WorkerContext extends WorkerContextValidationSupportAdapter {

        R4WorkerContext(ValidationSupportChain chain) {
            super(chain);
        }

        @Override
        public String getVersion() {
            return "4.0";
        }
    }

    static StructureDefinition decisionSourceDefinition(FhirContext context) {
        try (InputStream in = R4Validation.class.getClassLoader().getResourceAsStream(DECISION_SOURCE_DEFINITION)) {
            if (in == null) {
                throw new IllegalStateException(DECISION_SOURCE_DEFINITION + " is not on the class path");
            }
            return context.newJsonParser().parseResource(StructureDefinition.class, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The raw R4 JSON as it came (so that an element the model does not know is reported, with its line). */
    List<SingleValidationMessage> validate(String json) {
        warmUp();
        return messages(validator.validateWithResult(json));
    }

    List<SingleValidationMessage> validate(IBaseResource resource) {
        warmUp();
        return messages(validator.validateWithResult(resource));
    }

    /**
     * The validator's messages, with one correction: for a resource whose only claimed profiles are unknown, HAPI's wrapper adds
     * an error "Invalid profile" beside the validator's own warning at {@code meta.profile}, whatever the unknown-profile
     * setting says. A claim Baton cannot check is a warning, never a refusal: the resource was validated against base R4.
     */
    private static List<SingleValidationMessage> messages(ValidationResult result) {
        List<SingleValidationMessage> messages = new ArrayList<>(result.getMessages());
        for (SingleValidationMessage message : messages) {
            if (I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN.equals(message.getMessageId()) && message.getSeverity() == ResultSeverityEnum.ERROR) {
                message.setSeverity(ResultSeverityEnum.WARNING);
            }
        }
        return messages;
    }

    boolean isWarm() {
        return warm;
    }

    /** Loads what validation needs by validating one sample of each kind Baton takes in; once, whoever calls first. */
    void warmUp() {
        if (warm) {
            return;
        }
        synchronized (warmUpLock) {
            if (warm) {
                return;
            }
            long started = System.nanoTime();
            String json = context.newJsonParser().encodeResourceToString(sample());
            validator.validateWithResult(json);
            validator.validateWithResult(new ServiceRequest().setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
                    .setIntent(ServiceRequest.ServiceRequestIntent.ORDER).setSubject(new Reference("Patient/warm-up")));
            warm = true;
            log.info("FHIR R4 validator warmed in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** A Bundle with what $decide and the intake take: a Task carrying Baton's extension, Patient (US Core claim), Coverage, Encounter, CarePlan. */
    private static Bundle sample() {
        Task task = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
        task.setId("warm-up");
        task.addIdentifier(new Identifier().setSystem(BatonFhir.BASE + "/sid/warm-up").setValue("1"));
        task.setCode(new CodeableConcept(new Coding(BatonFhir.TASK_TYPE, "TCM_INTERACTIVE_CONTACT", null)));
        task.setFor(new Reference("Patient/warm-up"));
        task.setOwner(new Reference().setType("CareTeam").setIdentifier(new Identifier().setSystem(BatonFhir.QUEUE).setValue("Q")));
        task.getRestriction().setPeriod(new Period().setEnd(new Date(0)));
        DecisionSource.add(task, "routing", 1, "rule", "table.xlsx#Sheet!row 1");
        Patient patient = new Patient();
        patient.setId("warm-up");
        patient.getMeta().addProfile("http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient");
        patient.addCommunication().setLanguage(new CodeableConcept(new Coding("urn:ietf:bcp:47", "en", null)));
        Coverage coverage = new Coverage().setStatus(Coverage.CoverageStatus.ACTIVE).setBeneficiary(new Reference("Patient/warm-up"));
        coverage.addPayor().setDisplay("MEDICARE");
        Encounter encounter = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
                .setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", null));
        CarePlan plan = new CarePlan().setStatus(CarePlan.CarePlanStatus.ACTIVE).setIntent(CarePlan.CarePlanIntent.PLAN)
                .setSubject(new Reference("Patient/warm-up"));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.addEntry().setFullUrl("urn:uuid:00000000-0000-4000-8000-000000000001").setResource(task);
        bundle.addEntry().setFullUrl("urn:uuid:00000000-0000-4000-8000-000000000002").setResource(patient);
        bundle.addEntry().setFullUrl("urn:uuid:00000000-0000-4000-8000-000000000003").setResource(coverage);
        bundle.addEntry().setFullUrl("urn:uuid:00000000-0000-4000-8000-000000000004").setResource(encounter);
        bundle.addEntry().setFullUrl("urn:uuid:00000000-0000-4000-8000-000000000005").setResource(plan);
        return bundle;
    }
}

package app.baton.fhir;

import app.baton.engine.model.Priority;
import app.baton.engine.model.DischargeDestination;
import app.baton.engine.model.DischargeEncounter;
import app.baton.engine.model.DischargeSetting;
import app.baton.engine.model.Program;
import app.baton.engine.model.ReferralUrgency;
import app.baton.engine.model.Specialty;
import app.baton.intake.IntakeReceiver;
import app.baton.intake.IntakeRequest;
import app.baton.system.DateRange;
import app.baton.system.RecordPaths;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A discharge as a FHIR Encounter, a referral as a ServiceRequest (either alone or in a Bundle with the Patient and
 * Coverage), read into the JSON intake's request and taken in by the tracker's one intake path: the same sender checks and
 * the same idempotency on the source identifier (its system is the source system, its value the source id).
 */
@Component
class FhirIntake {

    private final FhirInputs inputs;
    private final IntakeReceiver receiver;
    private final Validator validator;

    FhirIntake(FhirInputs inputs, IntakeReceiver receiver, Validator validator) {
        this.inputs = inputs;
        this.receiver = receiver;
        this.validator = validator;
    }

    IntakeReceiver.Receipt discharge(String body) {
        Parts parts = parts(inputs.read(body, Set.of("Encounter", "Bundle")), Encounter.class);
        Encounter encounter = (Encounter) parts.main();
        Program program = program(encounter.getType().stream().toList(), "Encounter.type");
        IntakeRequest request = new IntakeRequest(sourceSystem(encounter.getIdentifier(), "Encounter"), sourceId(encounter.getIdentifier()),
                patient(parts, encounter.getSubject(), encounter.getLocation().isEmpty() ? null : encounter.getLocationFirstRep().getLocation()),
                program == null ? DischargeEncounter.DEFAULT_PROGRAM : program, null, null,
                encounter.getPeriod().hasEnd() ? encounter.getPeriod().getEnd().toInstant().atOffset(ZoneOffset.UTC) : null,
                null, null, null, null, setting(encounter), destination(encounter), null, null, null);
        return receiver.discharge(checked(request, "Encounter"));
    }

    IntakeReceiver.Receipt referral(String body) {
        Parts parts = parts(inputs.read(body, Set.of("ServiceRequest", "Bundle")), ServiceRequest.class);
        ServiceRequest referral = (ServiceRequest) parts.main();
        Program program = program(referral.getCategory(), "ServiceRequest.category");
        Priority priority = referral.hasPriority() ? switch (referral.getPriority()) {
            case URGENT -> Priority.URGENT;
            case ASAP, STAT -> Priority.EXPEDITED;
            default -> Priority.ROUTINE;
        } : null;
        String reason = referral.hasReasonCode() ? text(referral.getReasonCodeFirstRep()) : null;
        String provider = referral.hasRequester() ? (referral.getRequester().hasReference()
                ? referral.getRequester().getReferenceElement().getIdPart() : referral.getRequester().getDisplay()) : null;
        IntakeRequest request = new IntakeRequest(sourceSystem(referral.getIdentifier(), "ServiceRequest"), sourceId(referral.getIdentifier()),
                patient(parts, referral.getSubject(), referral.getLocationReference().isEmpty() ? null : referral.getLocationReferenceFirstRep()),
                program == null ? Program.REFERRAL : program, null, priority, null, null, reason, provider, null, null, null,
                diagnosisCode(referral.getReasonCode()), urgency(priority), specialty(referral.getPerformerType()));
        return receiver.referral(checked(request, "ServiceRequest"));
    }

    private record Parts(Resource main, Patient patient, Coverage coverage) {
    }

    private static Parts parts(Resource resource, Class<? extends Resource> mainType) {
        if (!(resource instanceof Bundle bundle)) {
            return new Parts(resource, null, null);
        }
        Resource main = null;
        Patient patient = null;
        Coverage coverage = null;
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource r = entry.getResource();
            if (mainType.isInstance(r)) {
                if (main != null) {
                    throw FhirProblem.invalid(422, OperationOutcome.IssueType.BUSINESSRULE, "Bundle.entry", "the Bundle holds more than one "
                            + mainType.getSimpleName() + "; send one intake per Bundle");
                }
                main = r;
            } else if (r instanceof Patient p && patient == null) {
                patient = p;
            } else if (r instanceof Coverage c && coverage == null) {
                coverage = c;
            }
        }
        if (main == null) {
            throw FhirProblem.invalid(422, OperationOutcome.IssueType.REQUIRED, "Bundle.entry", "the Bundle holds no " + mainType.getSimpleName());
        }
        return new Parts(main, patient, coverage);
    }

    private static IntakeRequest.Patient patient(Parts parts, Reference subject, Reference location) {
        String id = subject.hasReference() ? subject.getReferenceElement().getIdPart()
                : parts.patient() != null ? parts.patient().getIdElement().getIdPart() : null;
        Patient patient = parts.patient();
        String language = patient == null || !patient.hasCommunication() ? null
                : patient.getCommunicationFirstRep().getLanguage().getCodingFirstRep().getCode();
        Coverage coverage = parts.coverage();
        String payer = coverage == null || !coverage.hasPayor() ? null
                : coverage.getPayorFirstRep().hasDisplay() ? coverage.getPayorFirstRep().getDisplay() : coverage.getPayorFirstRep().getIdentifier().getValue();
        String where = location == null ? null
                : location.hasIdentifier() ? location.getIdentifier().getValue() : location.getReferenceElement().getIdPart();
        return new IntakeRequest.Patient(id, payer, coverage == null ? null : coverage.getSubscriberId(), language, where, null, null, null,
                birthDate(patient), deceasedAt(patient), null);
    }

    /** Patient.birthDate when it names a whole day (a year or a month alone gives no age on the discharge date). */
    private static java.time.LocalDate birthDate(Patient patient) {
        if (patient == null || !patient.hasBirthDateElement()
                || patient.getBirthDateElement().getPrecision() != ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY) {
            return null;
        }
        return java.time.LocalDate.parse(patient.getBirthDateElement().getValueAsString());
    }

    /** Patient.deceasedDateTime when it carries a time and an offset; deceasedBoolean alone says no when. */
    private static java.time.OffsetDateTime deceasedAt(Patient patient) {
        if (patient == null || !patient.hasDeceasedDateTimeType()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(patient.getDeceasedDateTimeType().getValueAsString());
        } catch (java.time.format.DateTimeParseException partial) {
            return null;
        }
    }

    /**
     * The intake's source system from the first identifier's system, which R4 holds to an absolute URI: Baton's
     * {@code https://baton.app/fhir/sid/source-system/{code}} names the source system {@code code} (the one an API key is
     * bound to); any other URI is the source system as it is.
     */
    private static String sourceSystem(java.util.List<Identifier> identifiers, String type) {
        String system = identifiers.isEmpty() ? null : identifiers.get(0).getSystem();
        return system != null && system.startsWith(BatonFhir.SOURCE_SYSTEM) ? system.substring(BatonFhir.SOURCE_SYSTEM.length()) : system;
    }

    private static String sourceId(java.util.List<Identifier> identifiers) {
        return identifiers.isEmpty() ? null : identifiers.get(0).getValue();
    }

    private static Program program(java.util.List<CodeableConcept> concepts, String path) {
        for (int i = 0; i < concepts.size(); i++) {
            for (var coding : concepts.get(i).getCoding()) {
                if (BatonFhir.PROGRAM.equals(coding.getSystem())) {
                    try {
                        return Program.valueOf(coding.getCode());
                    } catch (IllegalArgumentException | NullPointerException e) {
                        throw FhirProblem.invalid(422, OperationOutcome.IssueType.CODEINVALID, path + "[" + i + "]",
                                "'" + coding.getCode() + "' is not a code of " + BatonFhir.PROGRAM);
                    }
                }
            }
        }
        return null;
    }

    /** The setting discharged from, by the Encounter's class (read as every FHIR discharge is: {@link DischargeEncounter}). */
    private static DischargeSetting setting(Encounter encounter) {
        return encounter.hasClass_() ? DischargeEncounter.setting(encounter.getClass_().getCode()) : null;
    }

    /** Where the patient went, by hospitalization.dischargeDisposition: the first coding that names a destination. */
    private static DischargeDestination destination(Encounter encounter) {
        if (!encounter.hasHospitalization() || !encounter.getHospitalization().hasDischargeDisposition()) {
            return null;
        }
        for (var coding : encounter.getHospitalization().getDischargeDisposition().getCoding()) {
            if (DischargeEncounter.DISCHARGE_DISPOSITION_SYSTEM.equals(coding.getSystem())) {
                return DischargeEncounter.destination(coding.getSystem(), coding.getCode());
            }
        }
        return null;
    }

    /** The referral reason's ICD-10-CM code: a reasonCode coding of that system (checked like the JSON intake's field). */
    private static String diagnosisCode(java.util.List<CodeableConcept> reasons) {
        for (CodeableConcept reason : reasons) {
            for (var coding : reason.getCoding()) {
                if (ICD10CM.equals(coding.getSystem())) {
                    return coding.getCode();
                }
            }
        }
        return null;
    }

    /** The referral's urgency from its priority: routine stays ROUTINE, anything sooner is URGENT; none given, none. */
    private static ReferralUrgency urgency(Priority priority) {
        return priority == null ? null : priority == Priority.ROUTINE ? ReferralUrgency.ROUTINE : ReferralUrgency.URGENT;
    }

    /** The receiving specialty: a performerType coding of Baton's specialty system. */
    private static Specialty specialty(CodeableConcept performer) {
        for (var coding : performer.getCoding()) {
            if (BatonFhir.SPECIALTY.equals(coding.getSystem())) {
                try {
                    return Specialty.valueOf(coding.getCode());
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw FhirProblem.invalid(422, OperationOutcome.IssueType.CODEINVALID, "ServiceRequest.performerType",
                            "'" + coding.getCode() + "' is not a code of " + BatonFhir.SPECIALTY);
                }
            }
        }
        return null;
    }

    private static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";

    private static String text(CodeableConcept concept) {
        return concept.hasText() ? concept.getText() : concept.getCodingFirstRep().hasDisplay() ? concept.getCodingFirstRep().getDisplay()
                : concept.getCodingFirstRep().getCode();
    }

    /** Where each field of the JSON intake comes from in the FHIR resource, for an OperationOutcome that names it. */
    private static final Map<String, String> PATHS = Map.ofEntries(
            Map.entry("sourceSystem", ".identifier[0].system"),
            Map.entry("sourceId", ".identifier[0].value"),
            Map.entry("dischargeAt", ".period.end"),
            Map.entry("patient.birthDate", " Patient.birthDate"),
            Map.entry("patient.deceasedAt", " Patient.deceasedDateTime"),
            Map.entry("patient.id", ".subject"),
            Map.entry("patient.location", ".location"),
            Map.entry("patient.payer", " Coverage.payor"),
            Map.entry("patient.memberId", " Coverage.subscriberId"),
            Map.entry("patient.language", " Patient.communication.language"),
            Map.entry("referralReason", ".reasonCode"),
            Map.entry("diagnosisCode", ".reasonCode (ICD-10-CM coding)"),
            Map.entry("receivingSpecialty", ".performerType"),
            Map.entry("referringProvider", ".requester"));

    private IntakeRequest checked(IntakeRequest request, String type) {
        Set<ConstraintViolation<IntakeRequest>> violations = validator.validate(request);
        // R4 takes any year; Baton takes the dates of DateRange, as from a JSON intake
        List<String> outOfRange = RecordPaths.where(request, value -> !DateRange.contains(value));
        if (violations.isEmpty() && outOfRange.isEmpty()) {
            return request;
        }
        OperationOutcome outcome = new OperationOutcome();
        violations.stream().sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString())).forEach(v -> {
            String field = v.getPropertyPath().toString();
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.REQUIRED)
                    .setDiagnostics(field + " " + v.getMessage() + " (the intake's " + field + ")").addExpression(at(field, type));
        });
        outOfRange.forEach(field -> outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.VALUE)
                .setDiagnostics(field + " must be " + DateRange.RULE + " (the intake's " + field + ")").addExpression(at(field, type)));
        throw new FhirProblem(422, outcome);
    }

    /** The FHIRPath an intake field comes from. */
    private static String at(String field, String type) {
        String path = PATHS.getOrDefault(field, "." + field);
        return path.startsWith(" ") ? path.substring(1) : type + (type.equals("Encounter") && field.equals("patient.location")
                ? ".location[0].location" : type.equals("ServiceRequest") && field.equals("patient.location") ? ".locationReference" : path);
    }
}

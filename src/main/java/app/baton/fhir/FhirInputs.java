package app.baton.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every FHIR body Baton takes in: parsed with HAPI's R4 JSON parser (each element it cannot place is an issue, not
 * silently dropped), then the body as it came validated against base R4 by HAPI's instance validator ({@link R4Validation}).
 * Any error is a {@link FhirProblem}: a 400 (malformed JSON, not a resource) or 422 (a resource that breaks R4)
 * OperationOutcome listing every issue at its FHIRPath location. Warnings and information (an unknown profile, a code
 * system the validator does not hold) do not refuse the input. A string holding the NUL character (U+0000), which R4's
 * string type excludes and PostgreSQL stores nowhere, is a 422 at its place before anything else reads the body.
 */
@Component
class FhirInputs {

    private final FhirContext context;
    private final R4Validation validator;
    private final ObjectMapper json;

    FhirInputs(FhirContext context, R4Validation validator, ObjectMapper json) {
        this.context = context;
        this.validator = validator;
        this.json = json;
    }

    /** A valid resource of one of {@code types}; anything else is a {@link FhirProblem}. */
    Resource read(String body, Set<String> types) {
        if (body == null || body.isBlank()) {
            throw FhirProblem.invalid(400, OperationOutcome.IssueType.REQUIRED, null, "the request has no body; send a FHIR resource as JSON");
        }
        refuseNul(body);
        List<SingleValidationMessage> parseIssues = new ArrayList<>();
        Resource resource;
        try {
            IParser parser = context.newJsonParser().setParserErrorHandler(new Collecting(parseIssues));
            resource = (Resource) parser.parseResource(body);
        } catch (DataFormatException | ClassCastException e) {
            String message = e.getMessage() == null ? "not a FHIR resource" : e.getMessage().replaceFirst("^HAPI-\\d+: ", "");
            String location = message.contains("resource name") || message.contains("resourceType") ? "resourceType" : null;
            throw FhirProblem.invalid(400, OperationOutcome.IssueType.STRUCTURE, location, "the body is not a FHIR R4 resource in JSON: " + message);
        }
        if (!types.contains(resource.fhirType())) {
            throw FhirProblem.invalid(400, OperationOutcome.IssueType.NOTSUPPORTED, "resourceType", "a " + resource.fhirType()
                    + " is not taken here; send one of " + String.join(", ", types.stream().sorted().toList()));
        }
        for (SingleValidationMessage issue : parseIssues) {
            String at = issue.getLocationString();
            if (at == null || at.isEmpty()) {
                issue.setLocationString(resource.fhirType());
            } else if (!at.equals(resource.fhirType()) && !at.startsWith(resource.fhirType() + ".")) {
                issue.setLocationString(resource.fhirType() + "." + at);
            }
        }
        // the validator reads the body as sent: it sees what the parser dropped (an unknown element) and reports every issue
        List<SingleValidationMessage> issues = new ArrayList<>(validator.validate(body));
        if (issues.stream().noneMatch(FhirInputs::isError)) {
            // what the parser alone objected to still refuses the input (the validator is the judge of everything else)
            issues.addAll(parseIssues);
        }
        if (issues.stream().anyMatch(FhirInputs::isError)) {
            throw new FhirProblem(422, FhirProblem.outcome(issues));
        }
        return resource;
    }

    private void refuseNul(String body) {
        if (body.indexOf('\0') < 0 && !body.contains("\\u0000")) {
            return;
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JsonProcessingException e) {
            return; // not JSON: the parser says so below
        }
        String at = nulAt(tree, tree.path("resourceType").asText("Resource"));
        if (at != null) {
            throw FhirProblem.invalid(422, OperationOutcome.IssueType.INVALID, at,
                    "the NUL character (U+0000) is not allowed in a FHIR string");
        }
    }

    /** The path of the first string under {@code node} that holds U+0000 ({@code Bundle.entry[0].resource.subject.reference}); null if none. */
    private static String nulAt(JsonNode node, String path) {
        if (node.isTextual()) {
            return node.asText().indexOf('\0') >= 0 ? path : null;
        }
        String at = null;
        if (node.isObject()) {
            for (var fields = node.fields(); at == null && fields.hasNext(); ) {
                var field = fields.next();
                at = nulAt(field.getValue(), path + "." + field.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; at == null && i < node.size(); i++) {
                at = nulAt(node.get(i), path + "[" + i + "]");
            }
        }
        return at;
    }

    static boolean isError(SingleValidationMessage message) {
        return message.getSeverity() != null && message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal();
    }

    static SingleValidationMessage message(ResultSeverityEnum severity, String location, String text) {
        SingleValidationMessage message = new SingleValidationMessage();
        message.setSeverity(severity);
        message.setLocationString(location);
        message.setMessage(text);
        return message;
    }

    /** The parser's complaints, each an error at the element it was reading. */
    private record Collecting(List<SingleValidationMessage> issues) implements IParserErrorHandler {

        private void add(IParseLocation location, String element, String text) {
            String parent = location == null ? null : location.getParentElementName();
            String at = parent == null ? element : element == null ? parent : parent + "." + element;
            issues.add(message(ResultSeverityEnum.ERROR, at, text));
        }

        @Override
        public void containedResourceWithNoId(IParseLocation location) {
            add(location, "contained", "a contained resource has no id");
        }

        @Override
        public void incorrectJsonType(IParseLocation location, String element, BaseJsonLikeValue.ValueType expected,
                                      BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
                                      BaseJsonLikeValue.ScalarType foundScalar) {
            add(location, element, "expected a JSON " + (expectedScalar == null ? expected : expectedScalar).toString().toLowerCase()
                    + " but found a " + (foundScalar == null ? found : foundScalar).toString().toLowerCase());
        }

        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            add(location, null, "invalid value '" + value + "': " + (error == null ? "" : error.replaceFirst("^HAPI-\\d+: ", "")));
        }

        @Override
        public void missingRequiredElement(IParseLocation location, String element) {
            add(location, element, element + " is required");
        }

        @Override
        public void unexpectedRepeatingElement(IParseLocation location, String element) {
            add(location, element, element + " does not repeat, but an array was given");
        }

        @Override
        public void unknownAttribute(IParseLocation location, String attribute) {
            add(location, attribute, "unknown attribute " + attribute);
        }

        @Override
        public void unknownElement(IParseLocation location, String element) {
            add(location, element, "unknown element " + element + " (not in R4)");
        }

        @Override
        public void unknownReference(IParseLocation location, String reference) {
            add(location, null, "unknown reference " + reference);
        }

        @Override
        public void invalidInternalReference(IParseLocation location, String reference) {
            add(location, null, "a reference to a contained resource that is not there: " + reference);
        }

        @Override
        public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
            add(location, "extension", "an extension has both a value and nested extensions (ext-1)");
        }
    }
}

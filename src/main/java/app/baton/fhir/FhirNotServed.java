package app.baton.fhir;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A FHIR address Baton does not serve (a resource type, operation or interaction the CapabilityStatement does not list:
 * {@code GET /fhir/r4/Patient/1}, {@code POST /fhir/r4/$everything}) answers 404 with an OperationOutcome whose issue
 * code is {@code not-supported} and whose diagnostics name the resource type or operation, as a FHIR client expects.
 *
 * <p>Who gets this far is the security module's business: its permission matrix lets callers with a FHIR role reach
 * any {@code /fhir/r4} address (anonymous callers get 401, other roles 403, a served path called with another method
 * 405). This mapping is asked only after Spring MVC's controllers found no endpoint for the path at all, so a served
 * path keeps its own refusals (406 for an {@code Accept} Baton cannot answer, 415 for a body that is not FHIR JSON).
 */
@Component
class FhirNotServed extends AbstractHandlerMapping implements HttpRequestHandler {

    /** Right after the controllers' mapping (order 0), before the static resources' catch-all. */
    static final int ORDER = 1;

    private static final CapabilityStatement SERVED = FhirMetadataController.statement("");
    private static final List<String> TYPES = SERVED.getRestFirstRep().getResource().stream()
            .map(CapabilityStatement.CapabilityStatementRestResourceComponent::getType).toList();
    private static final Set<String> OPERATIONS = SERVED.getRestFirstRep().getResource().stream()
            .flatMap(r -> r.getOperation().stream().map(o -> r.getType() + "/$" + o.getName())).collect(Collectors.toSet());

    private final FhirRefusals refusals;
    private final FhirResponses responses;

    FhirNotServed(FhirRefusals refusals, FhirResponses responses) {
        this.refusals = refusals;
        this.responses = responses;
        setOrder(ORDER);
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
        return refusals.covers(path(request)) ? this : null;
    }

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OperationOutcome outcome = FhirProblem.outcome(OperationOutcome.IssueSeverity.ERROR, OperationOutcome.IssueType.NOTSUPPORTED,
                null, why(request.getMethod(), path(request)));
        byte[] body = responses.encode(outcome).getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType(FhirResponses.FHIR_JSON_UTF8.toString());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** What Baton does not serve, in words: the resource type or operation named, never anything else of the address. */
    static String why(String method, String path) {
        String rest = path.length() > FhirRefusals.BASE.length() ? path.substring(FhirRefusals.BASE.length() + 1) : "";
        List<String> segments = Arrays.stream(rest.split("/")).filter(s -> !s.isEmpty()).toList();
        String lists = "; GET /fhir/r4/metadata lists what Baton serves (" + String.join(", ", TYPES) + ")";
        if (segments.isEmpty()) {
            return "Baton serves no interaction at the FHIR base (no batch or transaction Bundle, no whole-system search)" + lists;
        }
        String first = segments.get(0);
        if (first.startsWith("$")) {
            return "Baton serves no system operation" + named(first) + lists;
        }
        if (!TYPES.contains(first)) {
            return plain(first) ? "Baton serves no " + first + " resources" + lists : "Baton serves no such resource type" + lists;
        }
        String operation = segments.stream().filter(s -> s.startsWith("$")).findFirst().orElse(null);
        if (operation != null && !OPERATIONS.contains(first + "/" + operation)) {
            return "Baton serves no operation" + named(operation) + " on " + first + lists;
        }
        return "Baton serves no such " + first + " interaction" + (method.matches("[A-Z]{1,10}") ? " (" + method + ")" : "") + lists;
    }

    /** A name from the address, echoed only when it is a plain word. */
    private static String named(String segment) {
        return plain(segment) ? " " + segment : " of that name";
    }

    private static boolean plain(String segment) {
        return segment.matches("\\$?[A-Za-z][A-Za-z0-9_-]{0,63}");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}

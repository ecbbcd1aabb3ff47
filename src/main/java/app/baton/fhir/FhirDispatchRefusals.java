package app.baton.fhir;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Spring MVC's refusals of a FHIR request that no FHIR controller took (a body that is not FHIR JSON: 415; an
 * {@code Accept} it cannot serve: 406; no such endpoint: 404) as OperationOutcomes. {@link FhirExceptionHandler} only
 * sees errors of the FHIR controllers; without this these would be the JSON API's problem documents.
 */
@Component
class FhirDispatchRefusals implements HandlerExceptionResolver, Ordered {

    private final FhirRefusals refusals;
    private final FhirResponses responses;

    FhirDispatchRefusals(FhirRefusals refusals, FhirResponses responses) {
        this.refusals = refusals;
        this.responses = responses;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception exception) {
        if (handler != null || !(exception instanceof ErrorResponse refusal) || response.isCommitted()
                || !refusals.covers(request.getRequestURI().substring(request.getContextPath().length()))) {
            return null;
        }
        int status = refusal.getStatusCode().value();
        String detail = switch (status) {
            case 415 -> "send Content-Type: application/fhir+json";
            case 406 -> "Baton answers application/fhir+json (or application/json): ask for one of them in Accept";
            case 404 -> "Baton serves no such FHIR endpoint; GET /fhir/r4/metadata lists what it serves";
            default -> refusal.getBody().getDetail();
        };
        try {
            response.setStatus(status);
            response.setContentType(FhirResponses.FHIR_JSON_UTF8.toString());
            refusal.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            response.getOutputStream().write(responses.encode(FhirRefusals.outcome(status, "http-" + status, detail))
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the client has gone: nothing more to say
        }
        return new ModelAndView();
    }

    /** Before Spring MVC's own resolvers (after Spring Boot's, which only notes the error and resolves nothing). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}

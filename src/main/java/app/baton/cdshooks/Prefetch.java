package app.baton.cdshooks;

import app.baton.system.ApiException;
import app.baton.system.Problems;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resources a hook reads: from the call's prefetch when the EHR sent the key (a JSON {@code null} there means
 * "looked, none exists"), else read from {@code fhirServer} (with the lent access token when given), else the call
 * cannot be answered: 412, naming the missing key, as the spec asks. Baton reads only from a FHIR server on the calling
 * EHR's list ({@code baton.cds-hooks.ehrs[].fhir-servers}): a call cannot make Baton send requests, and the EHR's access
 * token, to an address of its choosing. Any other {@code fhirServer} is a 412 naming {@code fhirServer}, since Baton
 * cannot get the data it needs; redirects are not followed.
 */
@Component
class Prefetch {

    private static final Pattern TOKEN = Pattern.compile("\\{\\{context\\.([A-Za-z]+)}}");
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final ObjectMapper json;
    private final CdsHooksSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();

    Prefetch(ObjectMapper json, CdsHooksSettings settings) {
        this.json = json;
        this.settings = settings;
    }

    /**
     * Every prefetch key of {@code service} resolved for the EHR named {@code ehrName}; a resource that does not exist is
     * a {@link NullNode}.
     */
    Map<String, JsonNode> resolve(Services.Service service, HookRequest request, String ehrName) {
        Map<String, JsonNode> resolved = new HashMap<>();
        for (Map.Entry<String, String> template : service.prefetch().entrySet()) {
            String key = template.getKey();
            if (request.prefetch() != null && request.prefetch().containsKey(key)) {
                JsonNode given = request.prefetch().get(key);
                resolved.put(key, given == null ? NullNode.instance : given);
            } else if (request.fhirServer() != null) {
                if (!settings.allowsFhirServer(ehrName, request.fhirServer())) {
                    throw new ApiException(HttpStatus.PRECONDITION_FAILED, "fhir-server-not-allowed", "FHIR server not allowed",
                            "prefetch." + key + " was not sent, and Baton reads only from the FHIR servers configured for " + ehrName
                                    + "; the fhirServer of this call is not one of them",
                            List.of(new Problems.FieldError("fhirServer", "not on the FHIR server list of " + ehrName)));
                }
                resolved.put(key, fetch(request, key, query(template.getValue(), request)));
            } else {
                throw new ApiException(HttpStatus.PRECONDITION_FAILED, "prefetch-missing", "Prefetch missing",
                        "prefetch." + key + " was not sent and no fhirServer was given to read it from",
                        List.of(new Problems.FieldError("prefetch." + key, "send " + template.getValue() + " or a fhirServer")));
            }
        }
        return resolved;
    }

    private static String query(String template, HookRequest request) {
        Matcher token = TOKEN.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (token.find()) {
            String value = request.contextText(token.group(1));
            if (value == null) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid",
                        "context." + token.group(1) + " is required", List.of(new Problems.FieldError("context." + token.group(1), "is required")));
            }
            token.appendReplacement(filled, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        token.appendTail(filled);
        return filled.toString();
    }

    private JsonNode fetch(HookRequest request, String key, String query) {
        String base = request.fhirServer().replaceAll("/+$", "");
        HttpRequest.Builder get = HttpRequest.newBuilder(URI.create(base + "/" + query)).timeout(TIMEOUT)
                .header("Accept", "application/fhir+json");
        if (request.fhirAuthorization() != null) {
            get.header("Authorization", "Bearer " + request.fhirAuthorization().accessToken());
        }
        try {
            HttpResponse<String> response = http.send(get.GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return NullNode.instance;
            }
            if (response.statusCode() / 100 != 2) {
                throw unavailable(key, "the fhirServer answered " + response.statusCode());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw unavailable(key, "the fhirServer could not be read");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(key, "interrupted");
        }
    }

    private static ApiException unavailable(String key, String why) {
        return new ApiException(HttpStatus.PRECONDITION_FAILED, "prefetch-missing", "Prefetch missing",
                "prefetch." + key + " was not sent and " + why, List.of(new Problems.FieldError("prefetch." + key, why)));
    }
}

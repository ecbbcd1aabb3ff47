package app.baton.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;
import java.util.TreeSet;

/** Who the caller is, as Baton sees it; in a browser session also the CSRF token its changes must carry. */
@RestController
@Tag(name = "Security", description = "Who is calling; users and API keys (ADMIN)")
class MeController {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Me(String name, Identity.Kind kind, Set<Role> roles, Set<String> locations, Csrf csrf) {
    }

    record Csrf(String headerName, String token) {
    }

    @GetMapping(path = "/api/v1/me", produces = "application/json")
    @Operation(summary = "Who am I", description = "The caller's name, kind, roles and locations. A browser session also "
            + "gets the CSRF token that its POST, PUT and DELETE requests must send.")
    Me me(@AuthenticationPrincipal Identity caller, HttpServletRequest request) {
        return new Me(caller.name(), caller.kind(), new TreeSet<>(caller.roles()), new TreeSet<>(caller.locations()), csrf(request));
    }

    /** Only for a session: loading a token for a key or Basic caller would create a session it does not want. */
    private static Csrf csrf(HttpServletRequest request) {
        if (request.getSession(false) == null || !(request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token)) {
            return null;
        }
        return new Csrf(token.getHeaderName(), token.getToken());
    }
}

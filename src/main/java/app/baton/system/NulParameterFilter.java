package app.baton.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Refuses a query or form parameter holding the NUL character ({@code %00}), which PostgreSQL stores in no text column
 * and takes in no query: a 400 naming the parameter, never repeating its value, before any filter or handler reads it.
 * Only the query string and URL-encoded form bodies are looked at; a multipart upload is left to its handler unread.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class NulParameterFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    NulParameterFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if ((query != null && query.contains("%00")) || isForm(request)) {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                if (holdsNul(parameter)) {
                    String name = parameter.getKey().replace("\0", "");
                    response.setStatus(HttpStatus.BAD_REQUEST.value());
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    json.writeValue(response.getOutputStream(), Problems.invalid("parameter '" + name + "' is not valid",
                            List.of(new Problems.FieldError(name, "must not contain the NUL character (U+0000)"))));
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    private static boolean holdsNul(Map.Entry<String, String[]> parameter) {
        if (parameter.getKey().indexOf('\0') >= 0) {
            return true;
        }
        for (String value : parameter.getValue()) {
            if (value != null && value.indexOf('\0') >= 0) {
                return true;
            }
        }
        return false;
    }
}

package app.baton.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Answers a request that Spring Security's firewall refuses (path parameters such as {@code ;x=y},
 * doubled or encoded slashes, dot segments, control characters) with a problem document and the
 * security headers, as every other refusal. Neither the answer nor the log repeats the address.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected) throws IOException {
        log.info("refused a {} request whose address the firewall does not accept", request.getMethod());
        write(request.getRequestURI().substring(request.getContextPath().length()), response);
    }

    static void write(String path, HttpServletResponse response) throws IOException {
        BareProblems.write(path, response, HttpStatus.BAD_REQUEST, "rejected-url", "The address is not accepted",
                "the address holds characters or segments Baton does not accept: path parameters (;), doubled or encoded "
                        + "slashes, dot segments or control characters");
    }
}

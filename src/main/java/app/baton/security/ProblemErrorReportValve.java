package app.baton.security;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

import java.io.IOException;

/**
 * Tomcat's last word on an error the application did not answer (an address Tomcat itself refuses, a
 * malformed request): a problem document with the security headers instead of Tomcat's HTML page.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        try {
            response.resetBuffer();
            String uri = request.getRequestURI();
            String context = request.getContextPath();
            String path = uri == null ? null : context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
            if (status == HttpStatus.BAD_REQUEST.value()) {
                RejectedRequests.write(path, response.getResponse());
            } else {
                BareProblems.write(path, response.getResponse(), known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known,
                        "http-" + status, known == null ? "Error" : known.getReasonPhrase(), "the request could not be served");
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the answer has started: nothing more to say
        }
    }
}

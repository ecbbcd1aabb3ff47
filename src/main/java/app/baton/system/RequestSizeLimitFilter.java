package app.baton.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * Refuses request bodies over the limit (1 MB by default) with a 413 problem: at once when the
 * length is declared, and as soon as the limit is passed when the body is streamed. File uploads
 * (multipart requests to the upload paths) have their own, larger limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final long uploadLimit;
    private final List<String> uploadPaths;
    private final ObjectMapper json;

    RequestSizeLimitFilter(@Value("${baton.http.max-body-size:1MB}") DataSize limit,
                           @Value("${baton.http.max-upload-size:25MB}") DataSize uploadLimit,
                           @Value("${baton.http.upload-paths:/api/v1/rule-sets}") List<String> uploadPaths,
                           ObjectMapper json) {
        this.limit = limit.toBytes();
        this.uploadLimit = uploadLimit.toBytes();
        this.uploadPaths = List.copyOf(uploadPaths);
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long allowed = isUpload(request) ? uploadLimit : limit;
        if (request.getContentLengthLong() > allowed) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), tooLarge(allowed));
            return;
        }
        chain.doFilter(new Limited(request, allowed), response);
    }

    private boolean isUpload(HttpServletRequest request) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && type != null && type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)
                && uploadPaths.contains(request.getRequestURI());
    }

    static org.springframework.http.ProblemDetail tooLarge(long limit) {
        return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "The request body is too large",
                "request bodies may be at most " + limit + " bytes");
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) throws PayloadTooLargeException {
                    read += n;
                    if (read > limit) {
                        throw new PayloadTooLargeException(limit);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}

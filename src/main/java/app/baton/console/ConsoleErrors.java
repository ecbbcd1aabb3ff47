package app.baton.console;

import app.baton.system.ApiException;
import app.baton.system.CorrelationIdFilter;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;

/**
 * Failures on console pages as pages in plain words: what happened and what to do, never a stack trace.
 * Runs before the API's problem-detail handler, for the console's controllers only.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler(ApiException.class)
    String refused(ApiException e, Model model, HttpServletResponse response) {
        Problem problem = Problem.of(e);
        response.setStatus(problem.status());
        model.addAttribute("problem", problem);
        return "console/problem";
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    String notAPage(Exception e, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("problem", new Problem(404, "There is no such page",
                "the address is not one the console knows; use the navigation to find the page", java.util.Map.of()));
        return "console/problem";
    }

    @ExceptionHandler(MultipartException.class)
    String badUpload(MultipartException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("problem", new Problem(400, "The upload did not arrive whole",
                "send the files again; a file may be at most 20 MB and an upload 25 MB", java.util.Map.of()));
        return "console/problem";
    }

    @ExceptionHandler(Exception.class)
    String failed(Exception e, Model model, HttpServletResponse response) {
        String correlationId = CorrelationIdFilter.current();
        log.error("console page failed (correlation id {})", correlationId, e);
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        model.addAttribute("problem", new Problem(500, "Something went wrong on our side",
                "nothing you did caused this. Try again in a moment; if it happens again, tell your administrator "
                        + "and quote the reference " + correlationId + ".", java.util.Map.of()));
        return "console/problem";
    }
}

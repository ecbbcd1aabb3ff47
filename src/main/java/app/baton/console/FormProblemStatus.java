package app.baton.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A page shown again with a problem in its form answers with the problem's status (400 for a field to
 * correct), not 200, whichever page it is: a script or a probe sees the refusal, a person sees the form.
 */
@Configuration(proxyBeanMethods = false)
class FormProblemStatus implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/console/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view != null && view.getModel().get("formProblem") instanceof Problem problem
                && response.getStatus() == HttpServletResponse.SC_OK && !response.isCommitted()) {
            response.setStatus(problem.status());
        }
    }
}

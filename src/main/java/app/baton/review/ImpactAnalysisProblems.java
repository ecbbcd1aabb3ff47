package app.baton.review;

import app.baton.system.ApiException;
import org.springframework.http.HttpStatus;

/** The problems the impact analysis API answers with; each type is listed in docs/api.md. */
final class ImpactAnalysisProblems {

    private ImpactAnalysisProblems() {
    }

    static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "impact-analysis-not-found", "No such impact analysis",
                "this rule set version has no impact analysis with that id");
    }

    static ApiException busy(int running) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "impact-analysis-busy", "Too many impact analyses running",
                "this instance runs at most " + running + " impact analyses at once; try again when one has finished");
    }

    static ApiException notRunning(String status) {
        return new ApiException(HttpStatus.CONFLICT, "impact-analysis-not-running", "The impact analysis is not running",
                "the analysis is " + status + "; only a RUNNING analysis can be cancelled");
    }
}

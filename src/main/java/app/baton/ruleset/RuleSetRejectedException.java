package app.baton.ruleset;

import app.baton.engine.CompileProblem;
import app.baton.engine.RuleCompilationException;
import app.baton.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.util.List;

/**
 * An upload that cannot become a version: every problem, each placed on its file, sheet and cell
 * (or DRL line), so a clinical lead can fix them all in one pass. Nothing was stored.
 */
public class RuleSetRejectedException extends ApiException {

    /** One problem; {@code field} is the whole location, e.g. {@code routing.drl.xlsx#Routing!C12}. */
    public record CellError(String field, String file, String sheet, String cell, Integer line, String message) {

        static CellError of(CompileProblem problem) {
            return new CellError(problem.location(), problem.file(), problem.sheet(), problem.cell(), problem.line(),
                    problem.message());
        }
    }

    private final List<CellError> errors;

    public RuleSetRejectedException(String detail, List<CompileProblem> problems) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "rule-set-invalid", "The rule set is not valid", detail);
        this.errors = problems.stream().map(CellError::of).toList();
    }

    /**
     * A stored version this release cannot compile, or that holds code no version may hold: it is
     * neither approved, activated, served nor replayed. The first problem is in the message, for the
     * log of an instance that cannot start on it.
     */
    static RuleSetRejectedException notRunnable(int version, RuleCompilationException e) {
        return new RuleSetRejectedException("version " + version + " is refused: this release does not compile it, so it is"
                + " neither approved, activated, served nor replayed (" + e.getMessage() + ")", e.problems());
    }

    public List<CellError> errors() {
        return errors;
    }

    @Override
    public ProblemDetail toProblem() {
        ProblemDetail problem = super.toProblem();
        problem.setProperty("errors", errors);
        return problem;
    }
}

package app.baton.engine;

import java.util.List;

/** The rule set does not compile; {@link #problems()} names every file, sheet and cell at fault. */
public class RuleCompilationException extends RuntimeException {

    private final List<CompileProblem> problems;

    public RuleCompilationException(List<CompileProblem> problems) {
        super(problems.size() + " problem(s), first: " + problems.get(0).location() + ": " + problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<CompileProblem> problems() {
        return problems;
    }
}

package app.baton.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The differences between two rule set versions, for review before approval. */
@RestController
@Tag(name = "Rule set review", description = "Diffs between rule set versions and impact analyses on recorded decisions")
class RuleSetDiffController {

    private final RuleSetDiffer differ;

    RuleSetDiffController(RuleSetDiffer differ) {
        this.differ = differ;
    }

    @GetMapping(path = "/api/v1/rule-sets/{version}/diff", produces = "application/json")
    @Operation(summary = "What changed from one version to another",
            description = "Per file added, removed or changed; decision tables cell by cell (rows added, removed and changed, "
                    + "with old and new values and the Excel rows on both sides); DRL and scenarios as unified-diff hunks. "
                    + "{version} is the candidate, 'against' the base.")
    RuleSetDiff diff(@PathVariable String version,
                     @Parameter(description = "the version to compare with (the base), e.g. the active one")
                     @RequestParam(required = false) String against) {
        int to = PathValues.pathVersion(version);
        int from = PathValues.version(against, "against");
        return differ.diff(from, to);
    }
}

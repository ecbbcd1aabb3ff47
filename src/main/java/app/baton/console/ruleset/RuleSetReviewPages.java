package app.baton.console.ruleset;

import app.baton.console.Problem;
import app.baton.cdshooks.RowFigures;
import app.baton.review.ImpactAnalysis;
import app.baton.review.ImpactAnalysisRequest;
import app.baton.review.ImpactAnalysisService;
import app.baton.review.ImpactReport;
import app.baton.review.RuleSetDiffer;
import app.baton.ruleset.RuleSetVersion;
import app.baton.ruleset.RuleSets;
import app.baton.system.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Reviewing a candidate version: the diff against another version, and impact analyses with their live progress. */
@Controller
class RuleSetReviewPages {

    private final RuleSets ruleSets;
    private final RuleSetDiffer differ;
    private final ImpactAnalysisService analyses;
    private final ObjectReader reports;

    private final RowFigures cardFigures;

    RuleSetReviewPages(RuleSets ruleSets, RuleSetDiffer differ, ImpactAnalysisService analyses, ObjectMapper json, RowFigures cardFigures) {
        this.cardFigures = cardFigures;
        this.ruleSets = ruleSets;
        this.differ = differ;
        this.analyses = analyses;
        this.reports = json.readerFor(ImpactReport.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @GetMapping("/console/rules/{version}/diff")
    String diff(@PathVariable int version, @RequestParam(required = false) Integer against, Model model) {
        RuleSetVersion candidate = ruleSets.get(version);
        int base = against != null ? against : candidate.baseVersion() != null ? candidate.baseVersion()
                : ruleSets.active().map(RuleSetVersion::version).orElse(version);
        model.addAttribute("diff", differ.diff(base, version));
        model.addAttribute("versions", ruleSets.all());
        // what clinicians in the EHR did with the cards of each row as it was before the change
        model.addAttribute("cardFigures", cardFigures.byRow(base));
        return "console/ruleset/diff";
    }

    @PostMapping("/console/rules/{version}/impact-analyses")
    String start(@PathVariable int version, @RequestParam(required = false) String sample, @RequestParam(required = false) String size,
                 RedirectAttributes redirect) {
        boolean byDays = !"decisions".equals(sample);
        int max = byDays ? 3650 : 1_000_000;
        Integer n = wholeNumber(size);
        if (n == null || n < 1 || n > max) {
            redirect.addFlashAttribute("impactProblem", "Give how many " + (byDays ? "days" : "decisions")
                    + " to replay: a whole number from 1 to " + max + ".");
            return "redirect:/console/rules/" + version + "#impact";
        }
        ImpactAnalysis started = analyses.start(version, byDays ? new ImpactAnalysisRequest(n, null) : new ImpactAnalysisRequest(null, n));
        return "redirect:/console/rules/" + version + "/impact-analyses/" + started.id();
    }

    @GetMapping("/console/rules/{version}/impact-analyses/{id}")
    String analysis(@PathVariable int version, @PathVariable String id, Model model) {
        model.addAttribute("v", ruleSets.get(version));
        ImpactAnalysis analysis = analyses.get(version, id);
        model.addAttribute("analysis", analysis);
        model.addAttribute("report", read(analysis.report()));
        return "console/ruleset/impact";
    }

    /** The analysis's section alone: while it runs, the page polls this every second (htmx) to move the bar. */
    @GetMapping("/console/rules/{version}/impact-analyses/{id}/progress")
    String progress(@PathVariable int version, @PathVariable String id, Model model) {
        load(version, id, model);
        return "console/ruleset/impact :: analysis";
    }

    private void load(int version, String id, Model model) {
        ImpactAnalysis analysis = analyses.find(version, id);
        model.addAttribute("analysis", analysis);
        model.addAttribute("report", read(analysis.report()));
    }

    @PostMapping("/console/rules/{version}/impact-analyses/{id}/cancel")
    String cancel(@PathVariable int version, @PathVariable String id, RedirectAttributes redirect) {
        try {
            analyses.cancel(version, id);
            redirect.addFlashAttribute("notice", "The analysis was cancelled; below is what it found until then.");
        } catch (ApiException e) {
            redirect.addFlashAttribute("notice", Problem.of(e).detail());
        }
        return "redirect:/console/rules/" + version + "/impact-analyses/" + id;
    }

    private ImpactReport read(String report) {
        if (report == null) {
            return null;
        }
        try {
            return reports.readValue(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored impact report cannot be read", e);
        }
    }

    private static Integer wholeNumber(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

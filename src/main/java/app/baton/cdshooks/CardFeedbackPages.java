package app.baton.cdshooks;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Console: per table row, how often the EHR's users follow or override Baton's CDS Hooks cards, and why, beside the
 * rules pages (the same figures as {@code GET /api/v1/cds-hooks/row-figures}). Counts and codes only.
 */
@Controller
class CardFeedbackPages {

    private final RowFigures figures;

    CardFeedbackPages(RowFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/console/cds-feedback")
    String rows(@RequestParam(required = false) String version, Model model) {
        Integer chosen = version != null && version.matches("\\d{1,9}") ? Integer.valueOf(version) : null;
        model.addAttribute("version", chosen);
        model.addAttribute("rows", figures.rows(chosen));
        model.addAttribute("minAnswers", RowFigures.FOR_REVIEW_MIN_ANSWERS);
        return "console/cds-feedback";
    }
}

package app.baton.console.decision;

import app.baton.console.Problem;
import app.baton.decision.DecisionLookup;
import app.baton.system.ApiException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A recorded decision explained: the inputs the rules saw (cut to what the reader's roles need), what
 * was decided, and every rule and table row that fired, with the rule set version. Read through the
 * decision module's one audited, access-checked path.
 */
@Controller
class DecisionPages {

    private final DecisionLookup lookup;

    DecisionPages(DecisionLookup lookup) {
        this.lookup = lookup;
    }

    @GetMapping("/console/decisions")
    String find(@RequestParam(required = false) String id, Model model) {
        if (id == null || id.isBlank()) {
            return "console/decision/decision-lookup";
        }
        if (!id.strip().matches("[0-9a-fA-F-]{1,64}")) {
            model.addAttribute("formProblem", Problem.field("id", "a decision id is made of the digits 0-9, the letters a-f "
                    + "and dashes, like 3f2c9a1e-5b7d-4c1a-9e2f-0a1b2c3d4e5f"));
            model.addAttribute("id", id);
            return "console/decision/decision-lookup";
        }
        return "redirect:/console/decisions/" + id.strip();
    }

    @GetMapping("/console/decisions/{id}")
    String show(@PathVariable String id, Model model) {
        try {
            model.addAttribute("recorded", lookup.read(id));
            return "console/decision/decision";
        } catch (ApiException e) {
            model.addAttribute("formProblem", Problem.field("id", "there is no decision with this id that you may see: "
                    + "check the id (it looks like 3f2c…-…), or ask someone who works at the patient's location"));
            model.addAttribute("id", id);
            return "console/decision/decision-lookup";
        }
    }
}

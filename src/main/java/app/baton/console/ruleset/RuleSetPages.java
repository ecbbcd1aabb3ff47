package app.baton.console.ruleset;

import app.baton.console.Problem;
import app.baton.review.ImpactAnalysisService;
import app.baton.ruleset.RuleSetLifecycle;
import app.baton.ruleset.RuleSetRejectedException;
import app.baton.ruleset.RuleSetVersion;
import app.baton.ruleset.RuleSets;
import app.baton.ruleset.UploadedFile;
import app.baton.security.Identity;
import app.baton.security.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Clinical leads' and compliance reviewers' pages of rule set versions: the timeline, one version, uploading a change. */
@Controller
class RuleSetPages {

    static final int MAX_NOTE = 2000;

    private final RuleSets ruleSets;
    private final RuleSetLifecycle lifecycle;
    private final ImpactAnalysisService analyses;

    RuleSetPages(RuleSets ruleSets, RuleSetLifecycle lifecycle, ImpactAnalysisService analyses) {
        this.ruleSets = ruleSets;
        this.lifecycle = lifecycle;
        this.analyses = analyses;
    }

    /** A problem the validator found, with the grid of the sheet around its cell when it names one. */
    record CellProblem(RuleSetRejectedException.CellError error, SheetWindow window) {
    }

    @GetMapping("/console/rules")
    String timeline(Model model) {
        model.addAttribute("timeline", timeline());
        return "console/ruleset/rules";
    }

    @PostMapping("/console/rules")
    String upload(@RequestParam(name = "files", required = false) List<MultipartFile> files,
                  @RequestParam(name = "changeNote", required = false) String changeNote,
                  @AuthenticationPrincipal Identity me, Model model, RedirectAttributes redirect) throws IOException {
        List<UploadedFile> uploads = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (!file.isEmpty()) {
                uploads.add(new UploadedFile(file.getOriginalFilename(), file.getBytes()));
            }
        }
        String note = changeNote == null ? "" : changeNote.strip();
        Problem problem = uploads.isEmpty() ? Problem.field("files", "choose at least one file: a table (.drl.xlsx), rules (.drl), scenarios (.yaml) or a whole version (.zip)")
                : note.isEmpty() ? Problem.field("changeNote", "say what changed and why: it is what the reviewer reads first")
                : note.length() > MAX_NOTE ? Problem.field("changeNote", "at most " + MAX_NOTE + " characters") : null;
        if (problem == null) {
            try {
                RuleSetLifecycle.Draft draft = lifecycle.upload(uploads, note, null, me.name());
                redirect.addFlashAttribute("notice", "Version " + draft.version().version() + " is stored as a draft. "
                        + (Boolean.TRUE.equals(draft.version().gatePassed()) ? "Its test gate passed: it can be reviewed and approved."
                        : "Its test gate did not pass: see the scenarios below, fix them and upload again."));
                return "redirect:/console/rules/" + draft.version().version();
            } catch (RuleSetRejectedException e) {
                model.addAttribute("rejection", Problem.of(e));
                model.addAttribute("cellProblems", e.errors().stream().map(error -> placed(error, uploads)).toList());
            }
        } else {
            model.addAttribute("formProblem", problem);
        }
        model.addAttribute("changeNote", note);
        return timeline(model);
    }

    @GetMapping("/console/rules/{version}")
    String version(@PathVariable int version, @AuthenticationPrincipal Identity me, Model model) {
        RuleSetVersion v = ruleSets.get(version);
        model.addAttribute("v", v);
        model.addAttribute("files", ruleSets.files(version));
        model.addAttribute("scenarios", ruleSets.scenarioResults(version));
        model.addAttribute("unexercised", ruleSets.unexercisedRules(version));
        model.addAttribute("history", ruleSets.history(version));
        model.addAttribute("analyses", analyses.list(version));
        model.addAttribute("lead", me.roles().contains(Role.CLINICAL_LEAD));
        model.addAttribute("author", v.author().equals(me.name()));
        model.addAttribute("compareWith", compareWith(v));
        // a RETIRED version older than the active one is a rollback; a newer one (retired when an older
        // version was rolled back to) is activated again, not "rolled back to"
        model.addAttribute("activeVersion", ruleSets.active().map(RuleSetVersion::version).orElse(null));
        return "console/ruleset/version";
    }

    /** The version a reviewer most likely compares with: the one it was based on, else the active one, else the one before. */
    private Integer compareWith(RuleSetVersion v) {
        if (v.baseVersion() != null) {
            return v.baseVersion();
        }
        return ruleSets.active().map(RuleSetVersion::version).filter(active -> active != v.version())
                .orElse(v.version() > 1 ? v.version() - 1 : null);
    }

    private Timeline timeline() {
        return new Timeline(ruleSets.all().stream()
                .sorted(Comparator.comparingInt(RuleSetVersion::version).reversed())
                .map(v -> Timeline.entry(v, ruleSets.history(v.version())))
                .toList());
    }

    private static CellProblem placed(RuleSetRejectedException.CellError error, List<UploadedFile> uploads) {
        if (error.file() == null || error.sheet() == null || error.cell() == null) {
            return new CellProblem(error, null);
        }
        String name = error.file().substring(error.file().lastIndexOf('/') + 1);
        byte[] content = uploads.stream().filter(u -> name.equals(baseName(u.name()))).map(UploadedFile::content)
                .findFirst().orElse(null);
        return new CellProblem(error, SheetWindow.around(content, error.sheet(), error.cell()).orElse(null));
    }

    private static String baseName(String name) {
        if (name == null) {
            return "";
        }
        String plain = name.replace('\\', '/');
        return plain.substring(plain.lastIndexOf('/') + 1);
    }
}

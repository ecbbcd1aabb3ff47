package app.baton.ruleset;

import app.baton.engine.RuleFile;
import app.baton.system.ApiException;
import app.baton.system.Callers;
import app.baton.system.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The rule set lifecycle over HTTP: read, download, upload, approve, activate and roll back. */
@RestController
@RequestMapping(path = "/api/v1/rule-sets")
@Tag(name = "Rule sets", description = "Versions of the decision tables and rules: download, upload, test gate, "
        + "four-eyes approval, activation without restart and rollback")
class RuleSetController {

    private static final int MAX_NOTE = 2000;

    private final RuleSets ruleSets;
    private final RuleSetVersions versions;
    private final ScenarioResults scenarioResults;
    private final RuleSetLifecycle lifecycle;
    private final Callers callers;

    RuleSetController(RuleSets ruleSets, RuleSetVersions versions, ScenarioResults scenarioResults, RuleSetLifecycle lifecycle,
                      Callers callers) {
        this.ruleSets = ruleSets;
        this.versions = versions;
        this.scenarioResults = scenarioResults;
        this.lifecycle = lifecycle;
        this.callers = callers;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List every rule set version", description = "Oldest first, with status, author, approver and change note.")
    List<RuleSetVersion> list() {
        return ruleSets.all();
    }

    @GetMapping(path = "/active", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The active version", description = "Its files, test gate and history.")
    RuleSetViews.Details active() {
        return details(versions.active().orElseThrow(NoActiveRuleSetException::new));
    }

    @GetMapping(path = "/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One version", description = "Its files (with download links), test gate and history.")
    RuleSetViews.Details one(@PathVariable int version) {
        return details(ruleSets.get(version));
    }

    @GetMapping(path = "/{version}/scenario-results", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every scenario result of the version's test gate")
    List<RuleSetViews.ScenarioView> scenarioResults(@PathVariable int version) {
        ruleSets.get(version);
        return scenarioResults.of(version).stream().map(RuleSetViews.ScenarioView::of).toList();
    }

    @GetMapping(path = "/{version}/files/{*path}")
    @Operation(summary = "Download one file of the version", description = "Byte for byte as stored; a decision table "
            + "opens in Excel or LibreOffice Calc.")
    ResponseEntity<byte[]> file(@PathVariable int version, @PathVariable String path) {
        String wanted = path.startsWith("/") ? path.substring(1) : path;
        RuleFile file = ruleSets.files(version).stream()
                .filter(f -> f.path().equals(wanted) || Uploads.baseName(f.path()).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "rule-file-not-found", "No such file",
                        "version " + version + " has no file " + wanted));
        return download(file.content(), Uploads.baseName(file.path()), mediaType(file));
    }

    @GetMapping(path = "/{version}/bundle.zip")
    @Operation(summary = "Download the whole version as a zip", description = "rules/, decision-tables/ and "
            + "test-scenarios/ as in the repository; upload it again, changed, as a new version.")
    ResponseEntity<byte[]> bundle(@PathVariable int version) throws IOException {
        RuleSetVersion v = ruleSets.get(version);
        byte[] zip = BundleZip.write(ruleSets.files(version));
        return download(zip, "baton-rule-set-v" + v.version() + ".zip", MediaType.parseMediaType("application/zip"));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Upload a new draft version", description = "One or more changed files (decision tables "
            + ".drl.xlsx, scenarios .yaml; rule files .drl only as the running release ships them) replace the files of "
            + "the same name in the base version (the active one unless baseVersion is given), or a whole bundle (.zip) "
            + "replaces everything. The files are validated at once: any problem refuses the upload with every problem "
            + "placed on its file, sheet and cell or line, and nothing is stored; a table's code cells must be the "
            + "templates Baton ships. A draft that compiles is stored with the result of every scenario (the test gate).")
    ResponseEntity<RuleSetViews.Details> upload(
            @RequestPart("files") List<MultipartFile> files,
            @Parameter(description = "What changed and why; kept with the version for reviewers")
            @RequestParam(name = "changeNote", required = false) String changeNote,
            @Parameter(description = "The version the files change; the active version when absent")
            @RequestParam(name = "baseVersion", required = false) Integer baseVersion) throws IOException {
        String note = requireNote("changeNote", changeNote);
        List<UploadedFile> uploads = new ArrayList<>();
        for (MultipartFile file : files) {
            uploads.add(new UploadedFile(file.getOriginalFilename(), file.getBytes()));
        }
        RuleSetLifecycle.Draft draft = lifecycle.upload(uploads, note, baseVersion, actor());
        return ResponseEntity.created(URI.create("/api/v1/rule-sets/" + draft.version().version()))
                .body(details(draft.version()));
    }

    @PostMapping(path = "/{version}/approval", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Approve a draft (four eyes)", description = "By a clinical lead other than the author, "
            + "only when every scenario passed and every table row is exercised.")
    RuleSetViews.Details approve(@PathVariable int version, @RequestBody RuleSetViews.NoteRequest body) {
        return details(lifecycle.approve(version, actor(), requireNote("note", body.note())));
    }

    @PostMapping(path = "/{version}/activation", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Activate a version, or roll back to an earlier one", description = "An APPROVED version "
            + "becomes active; a RETIRED one (active before) becomes active again, which is a rollback. Built and "
            + "verified off to the side, then swapped in without a restart; every instance follows within seconds.")
    RuleSetViews.Details activate(@PathVariable int version, @RequestBody RuleSetViews.NoteRequest body) {
        return details(lifecycle.activate(version, actor(), requireNote("note", body.note())));
    }

    private RuleSetViews.Details details(RuleSetVersion version) {
        int number = version.version();
        List<RuleSetViews.FileView> files = ruleSets.files(number).stream()
                .map(f -> new RuleSetViews.FileView(f.path(), RuleSetBundle.sha256(f.content()), f.content().length,
                        "/api/v1/rule-sets/" + number + "/files/" + f.path()))
                .toList();
        List<RuleSetViews.ScenarioView> results = scenarioResults.of(number).stream().map(RuleSetViews.ScenarioView::of).toList();
        List<RuleSetViews.ScenarioView> failures = results.stream().filter(r -> !r.passed()).toList();
        RuleSetViews.Gate gate = new RuleSetViews.Gate(version.gatePassed(), results.size(), failures.size(), failures,
                versions.unexercisedRules(number));
        List<String> inputsRead = inputsRead(number);
        return new RuleSetViews.Details(version, files, gate, inputsRead, versions.events(number));
    }

    /** What the version's rules read; nothing for a version this release refuses, which stays on record to be read. */
    private List<String> inputsRead(int number) {
        try {
            return ruleSets.compiled(number).inputsRead().stream().sorted().toList();
        } catch (RuleSetRejectedException e) {
            return List.of();
        }
    }

    private String actor() {
        return callers.current().actor().name();
    }

    private static String requireNote(String field, String note) {
        if (note == null || note.isBlank()) {
            throw invalid(field, "required: say what changed and why");
        }
        if (note.length() > MAX_NOTE) {
            throw invalid(field, "at most " + MAX_NOTE + " characters");
        }
        return note.strip();
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid",
                "field '" + field + "' is not valid", List.of(new Problems.FieldError(field, message)));
    }

    private static MediaType mediaType(RuleFile file) {
        if (file.isDecisionTable()) {
            return MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
        return file.isScenario() ? MediaType.parseMediaType("application/yaml") : MediaType.TEXT_PLAIN;
    }

    private static ResponseEntity<byte[]> download(byte[] content, String name, MediaType type) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(content);
    }
}

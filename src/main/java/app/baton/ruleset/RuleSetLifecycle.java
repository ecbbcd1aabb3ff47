package app.baton.ruleset;

import app.baton.engine.CompileProblem;
import app.baton.engine.CompiledRules;
import app.baton.engine.RuleCompilationException;
import app.baton.engine.RuleCompiler;
import app.baton.engine.RuleFile;
import app.baton.engine.RuleSource;
import app.baton.scenario.ScenarioReport;
import app.baton.scenario.ScenarioResult;
import app.baton.system.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The life of a rule set version: uploaded as a DRAFT (only if it compiles; its scenarios are run
 * and stored), APPROVED by a clinical lead other than its author (only if the test gate passed),
 * ACTIVE (built and verified off to the side, then swapped in; every instance follows), RETIRED
 * when replaced, and active again on rollback. Each step is one transaction with its history event
 * and audit entry; a failed step leaves nothing behind.
 */
@Service
public class RuleSetLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RuleSetLifecycle.class);

    private final RuleSetVersions versions;
    private final ScenarioResults scenarioResults;
    private final CompiledVersions compiled;
    private final TestGate gate;
    private final ActiveVersionFollower follower;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final RuleCompiler compiler = new RuleCompiler();

    RuleSetLifecycle(RuleSetVersions versions, ScenarioResults scenarioResults, CompiledVersions compiled, TestGate gate,
                     ActiveVersionFollower follower, TransactionTemplate tx, ApplicationEventPublisher events) {
        this.versions = versions;
        this.scenarioResults = scenarioResults;
        this.compiled = compiled;
        this.gate = gate;
        this.follower = follower;
        this.tx = tx;
        this.events = events;
    }

    /** A new draft and the verdict of its test gate. */
    public record Draft(RuleSetVersion version, ScenarioReport report) {
    }

    /**
     * Stores the uploaded files as a new DRAFT: merged onto {@code baseVersion} (the active version
     * when null) unless the upload is a whole bundle. Refused, with every problem, when the files
     * do not compile or a scenario file cannot be read; failing scenarios are stored, not refused.
     */
    public Draft upload(List<UploadedFile> uploads, String changeNote, Integer baseVersion, String author) {
        RuleSetVersion base = null;
        List<RuleFile> baseFiles = List.of();
        if (!Uploads.isBundle(uploads)) {
            base = baseVersion != null
                    ? versions.find(baseVersion).orElseThrow(() -> new RuleSetNotFoundException(baseVersion))
                    : versions.active().orElseThrow(NoActiveRuleSetException::new);
            baseFiles = versions.files(base.version());
        }
        RuleSetBundle bundle = new RuleSetBundle(Uploads.merge(uploads, baseFiles));
        rejectIfUnchanged(bundle);
        CompiledRules candidate;
        try {
            candidate = compiler.compile("candidate", bundle.files());
        } catch (RuleCompilationException e) {
            throw new RuleSetRejectedException(e.problems().size() + " problem(s) stop this rule set from compiling; "
                    + "nothing was stored", e.problems());
        }
        ScenarioReport report = gate.run(candidate, bundle.files());
        Integer baseNumber = base == null ? null : base.version();
        RuleSetVersion stored = tx.execute(status -> {
            versions.lockLifecycle();
            int number = versions.nextVersion();
            versions.insertDraft(number, bundle, author, changeNote, baseNumber, report.clean(),
                    scenarioResults.write(unexercised(report)));
            scenarioResults.insert(number, report.results());
            versions.recordEvent(number, "CREATED", author, changeNote);
            events.publishEvent(new RuleSetCreated(number, bundle.sha256(), author));
            return versions.find(number).orElseThrow();
        });
        CompiledRules kept = candidate.relabeled(String.valueOf(stored.version()));
        compiled.put(stored.version(), kept, bundle.files());
        // The scenarios just ran on this copy (relabeled: the same generated classes and rule unit under the
        // version's number), so this instance need not run them again to warm it or to activate it.
        compiled.recordScenarios(stored.version(), kept, bundle.files(), report.failures().isEmpty());
        log.info("rule set version {} uploaded as a draft ({} scenarios, {} failed, {} rules unexercised)",
                stored.version(), report.results().size(), report.failures().size(), report.unexercised().size());
        return new Draft(stored, report);
    }

    private void rejectIfUnchanged(RuleSetBundle bundle) {
        versions.findBySha256(bundle.sha256()).ifPresent(same -> {
            throw new RuleSetRejectedException("nothing changed", List.of(new CompileProblem("files",
                    null, null, null, "these files are identical to version " + same.version() + "; nothing was stored")));
        });
    }

    /**
     * Approves a draft whose test gate passed; the approver must not be its author. The draft is
     * compiled first (it usually is already, since its upload): a version that reached the
     * database without an upload and holds code no version may hold is refused here too.
     */
    public RuleSetVersion approve(int number, String approver, String note) {
        RuleSetVersion draft = versions.find(number).orElseThrow(() -> new RuleSetNotFoundException(number));
        if (RuleSetVersion.DRAFT.equals(draft.status())) {
            compiled.get(number, () -> versions.files(number));
        }
        try {
            return approveDraft(number, approver, note);
        } catch (FourEyesException refused) {
            events.publishEvent(new RuleSetActionRefused(number, "APPROVE", "four-eyes"));
            throw refused;
        }
    }

    private RuleSetVersion approveDraft(int number, String approver, String note) {
        return tx.execute(status -> {
            RuleSetVersion version = versions.lock(number).orElseThrow(() -> new RuleSetNotFoundException(number));
            if (!RuleSetVersion.DRAFT.equals(version.status())) {
                throw LifecycleConflictException.notADraft(version);
            }
            if (version.author().equals(approver)) {
                throw new FourEyesException(version);
            }
            if (!Boolean.TRUE.equals(version.gatePassed())) {
                throw gateFailed(version);
            }
            versions.approve(number, approver, note);
            versions.recordEvent(number, "APPROVED", approver, note);
            versions.notifyApproved(number);
            events.publishEvent(new RuleSetApproved(number, version.sha256(), version.author(), approver, note));
            return versions.find(number).orElseThrow();
        });
    }

    /**
     * Makes an approved (or formerly active) version the active one. It is compiled (or taken from memory)
     * and verified off to the side first: its scenarios must pass on the compiled copy that will serve. Then
     * one transaction retires the active version, activates this one and notifies every instance. Requests
     * in flight finish on the version they started with.
     * <p>
     * The scenarios are not run again when they already passed on this very copy, read from the same files
     * (at its upload on this instance, at its approval, when it was warmed ahead, or at an earlier
     * activation): a compiled copy in memory does not change, nor do the version's files, nor anything else
     * a scenario depends on during this instance's life, so a second run could only give the same verdict
     * ({@link CompiledVersions#passedOn}). A copy on which they did not pass, or did not run (loaded again
     * after it was dropped from memory, compiled anew), is verified here as before.
     */
    public RuleSetVersion activate(int number, String actor, String note) {
        RuleSetVersion target = versions.find(number).orElseThrow(() -> new RuleSetNotFoundException(number));
        requireActivatable(target);
        long started = System.nanoTime();
        List<RuleFile> files = versions.files(number);
        CompiledRules rules = compiled.get(number, () -> files);
        boolean verified = compiled.passedOn(number, rules, files);
        if (!verified) {
            ScenarioReport check = gate.run(rules, files);
            compiled.recordScenarios(number, rules, files, check.failures().isEmpty());
            if (!check.failures().isEmpty()) {
                throw gateFailed(target);
            }
        }
        RuleSetVersion activated = tx.execute(status -> {
            versions.lockLifecycle();
            RuleSetVersion current = versions.lock(number).orElseThrow(() -> new RuleSetNotFoundException(number));
            requireActivatable(current);
            Optional<Integer> previous = versions.activate(number);
            // A rollback goes back to an older version; activating a newer retired version again is not one.
            boolean rollback = RuleSetVersion.RETIRED.equals(current.status()) && previous.map(p -> number < p).orElse(false);
            versions.recordEvent(number, rollback ? "ROLLED_BACK" : "ACTIVATED", actor, note);
            previous.ifPresent(p -> versions.recordEvent(p, "RETIRED", actor, "replaced by version " + number));
            versions.notifyActivated(number);
            events.publishEvent(new RuleSetActivated(number, current.sha256(), previous.orElse(null),
                    rollback, actor, note));
            return versions.find(number).orElseThrow();
        });
        follower.reconcile();
        log.info("rule set version {} activated by {} in {} ms ({})", number, actor, (System.nanoTime() - started) / 1_000_000,
                verified ? "its scenarios had passed on this compiled copy already" : "its scenarios ran first");
        return activated;
    }

    private static void requireActivatable(RuleSetVersion version) {
        if (!RuleSetVersion.APPROVED.equals(version.status()) && !RuleSetVersion.RETIRED.equals(version.status())) {
            throw LifecycleConflictException.notApproved(version);
        }
    }

    private LifecycleConflictException gateFailed(RuleSetVersion version) {
        List<Problems.FieldError> errors = new ArrayList<>();
        for (ScenarioResult result : scenarioResults.of(version.version())) {
            if (!result.passed()) {
                errors.add(new Problems.FieldError(result.name(), String.join("; ", result.failures())));
            }
        }
        int failed = errors.size();
        List<UnexercisedRule> unexercised = versions.unexercisedRules(version.version());
        for (UnexercisedRule rule : unexercised) {
            errors.add(new Problems.FieldError(rule.source(), "no scenario exercises rule " + rule.rule()));
        }
        return new LifecycleConflictException("test-gate-failed", "The version did not pass its test gate",
                "version " + version.version() + " cannot be approved or activated: every scenario must pass and every "
                        + "table row must be exercised by a scenario; " + failed + " scenario(s) failed and "
                        + unexercised.size() + " rule(s) are not exercised", errors);
    }

    static List<UnexercisedRule> unexercised(ScenarioReport report) {
        List<UnexercisedRule> rules = new ArrayList<>();
        for (Map.Entry<String, RuleSource> rule : report.unexercised().entrySet()) {
            rules.add(new UnexercisedRule(rule.getKey(), rule.getValue().describe()));
        }
        return rules;
    }
}

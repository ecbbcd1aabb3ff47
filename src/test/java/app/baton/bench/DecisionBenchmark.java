package app.baton.bench;

import app.baton.calendar.PracticeCalendars;
import app.baton.calendar.SlaCalendar;
import app.baton.engine.CompiledRules;
import app.baton.engine.Evaluation;
import app.baton.engine.RuleCompiler;
import app.baton.engine.StarterFiles;
import app.baton.engine.model.CaseInput;
import app.baton.engine.model.Complexity;
import app.baton.engine.model.Priority;
import app.baton.engine.model.Program;
import app.baton.engine.model.Stage;
import app.baton.engine.model.TaskStatus;
import app.baton.engine.model.TaskType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * In-process cost of one full decision (routing, due date, missing info, next-best action,
 * escalation) with the starter pack, over a mix of programs. Run with src/test/bench/jmh.sh.
 */
@State(Scope.Benchmark)
public class DecisionBenchmark {

    private CompiledRules rules;
    private SlaCalendar calendar;
    private List<CaseInput> cases;
    private ZonedDateTime asOf;

    @Setup(Level.Trial)
    public void compile() {
        rules = new RuleCompiler().compile("bench", StarterFiles.load());
        calendar = PracticeCalendars.withDefaults().calendar("America/New_York", "US_FEDERAL");
        asOf = ZonedDateTime.parse("2026-03-12T10:15:00-04:00");
        OffsetDateTime discharge = OffsetDateTime.parse("2026-03-09T08:00:00-04:00");
        CaseInput.Patient patient = new CaseInput.Patient("pt-1", "MEDICARE", "1EG4-TE5-MK72", "en", "MAIN_CLINIC", true);
        cases = List.of(
                input(patient, Program.TCM, TaskType.TCM_INTERACTIVE_CONTACT, TaskStatus.NEW, Priority.ROUTINE, discharge, 0),
                input(patient, Program.TCM, TaskType.TCM_INTERACTIVE_CONTACT, TaskStatus.WAITING_ON_PATIENT, Priority.ROUTINE, discharge, 2),
                input(patient, Program.TCM, TaskType.TCM_FACE_TO_FACE, TaskStatus.NEW, Priority.ROUTINE, discharge, 0),
                input(patient, Program.PRIOR_AUTH, TaskType.PRIOR_AUTH_FOLLOW_UP, TaskStatus.WAITING_ON_EXTERNAL, Priority.EXPEDITED, discharge, 0),
                input(null, Program.REFERRAL, TaskType.REFERRAL_INTAKE, TaskStatus.NEW, Priority.URGENT, null, 0),
                input(patient, Program.FUH, TaskType.FUH_FOLLOW_UP_7D, TaskStatus.IN_PROGRESS, Priority.ROUTINE, discharge, 1),
                input(patient, Program.GENERAL, TaskType.OUTREACH_CALL, TaskStatus.NEW, Priority.ROUTINE, null, 3));
    }

    private static CaseInput input(CaseInput.Patient patient, Program program, TaskType type, TaskStatus status,
                                   Priority priority, OffsetDateTime discharge, int attempts) {
        OffsetDateTime created = OffsetDateTime.parse("2026-03-09T08:05:00-04:00");
        return new CaseInput(null, patient,
                new CaseInput.CarePlan("cp-1", program, Stage.COORDINATION, Complexity.HIGH, discharge, null, null, null, null, null),
                new CaseInput.Task("t-1", type, status, priority, created, created, attempts, created));
    }

    @TearDown(Level.Trial)
    public void close() {
        rules.close();
    }

    @Benchmark
    public Evaluation decideOneTask() {
        CaseInput input = cases.get(ThreadLocalRandom.current().nextInt(cases.size()));
        return rules.evaluate(input, asOf, calendar);
    }
}

package app.baton.engine;

import app.baton.engine.model.EscalationStep;
import app.baton.engine.model.MissingInfo;
import app.baton.engine.model.NextAction;
import app.baton.engine.model.Routing;

import java.time.ZonedDateTime;
import java.util.List;

/** What the rules decided for one task, with the rules that fired in firing order. */
public record Evaluation(Routing routing, ZonedDateTime dueAt, String slaBasis, String slaRule,
                         List<MissingInfo> missingInfo, List<NextAction> nextActions,
                         List<EscalationStep> escalations, List<String> firedRules) {
}

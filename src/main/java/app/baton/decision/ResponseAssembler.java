package app.baton.decision;

import app.baton.engine.CompiledRules;
import app.baton.engine.Evaluation;
import app.baton.engine.RuleSource;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Builds the API response from an evaluation, naming each result's rule and source. */
final class ResponseAssembler {

    private ResponseAssembler() {
    }

    static DecisionResponse assemble(UUID id, CompiledRules rules, ZonedDateTime asOf, Evaluation e) {
        DecisionResponse.Routing routing = e.routing() == null ? null
                : new DecisionResponse.Routing(e.routing().queue(), e.routing().role(), e.routing().rule(), source(rules, e.routing().rule()));
        DecisionResponse.Sla sla = e.slaRule() == null ? null
                : new DecisionResponse.Sla(offset(e.dueAt()), e.slaBasis(), e.slaRule(), source(rules, e.slaRule()));
        return new DecisionResponse(id.toString(), rules.version(), asOf.toOffsetDateTime(), routing, sla,
                e.missingInfo().stream().map(m -> new DecisionResponse.MissingInfo(m.field(), m.reason(), m.rule(), source(rules, m.rule()))).toList(),
                e.nextActions().stream().map(a -> new DecisionResponse.NextBestAction(a.code(), a.prompt(), a.rule(), source(rules, a.rule()),
                        a.closeAs() == null ? null : a.closeAs().name())).toList(),
                e.escalations().stream().map(s -> new DecisionResponse.Escalation(s.level(), s.recipient(), s.key(), s.rule(), source(rules, s.rule()))).toList(),
                trace(rules, e.firedRules()));
    }

    static List<DecisionResponse.TraceEntry> trace(CompiledRules rules, List<String> fired) {
        return new LinkedHashSet<>(fired).stream().map(rule -> new DecisionResponse.TraceEntry(rule, source(rules, rule))).toList();
    }

    static String source(CompiledRules rules, String rule) {
        return rule == null ? null : rules.source(rule).map(RuleSource::describe).orElse(null);
    }

    private static OffsetDateTime offset(ZonedDateTime time) {
        return time == null ? null : time.toOffsetDateTime();
    }
}

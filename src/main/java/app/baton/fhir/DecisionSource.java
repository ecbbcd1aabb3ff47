package app.baton.fhir;

import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.StringType;

/**
 * The decision-source extension (docs/fhir/StructureDefinition-decision-source.json): what Baton decided ({@code aspect}:
 * routing, due, next-best-action, missing-info, template), under which rule set version, by which rule and table row.
 */
final class DecisionSource {

    private DecisionSource() {
    }

    static void add(DomainResource resource, String aspect, Object ruleSetVersion, String rule, String source) {
        Extension extension = resource.addExtension().setUrl(BatonFhir.DECISION_SOURCE);
        extension.addExtension("aspect", new StringType(aspect));
        if (ruleSetVersion != null) {
            extension.addExtension("ruleSetVersion", new StringType(String.valueOf(ruleSetVersion)));
        }
        if (rule != null) {
            extension.addExtension("rule", new StringType(rule));
        }
        if (source != null) {
            extension.addExtension("row", new StringType(source));
        }
    }
}

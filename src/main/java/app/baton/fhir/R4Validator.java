package app.baton.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.fhirpath.IFhirPath;
import ca.uhn.fhir.validation.IValidationContext;
import ca.uhn.fhir.validation.IValidatorModule;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Enumeration;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a parsed resource against the base R4 StructureDefinitions that hapi-fhir-validation-resources-r4 ships (loaded
 * through the context's validation support): every element's cardinality, the resource types a Reference may point to,
 * codes of required bindings, and every invariant (FHIRPath constraint such as cpl-3) of each element present, evaluated
 * with HAPI's R4 FHIRPath engine. Each issue carries the FHIRPath of the element it is about ({@code Task.input[0].type}).
 * Profiles in {@code meta.profile} other than base R4 (US Core, say) are reported as warnings and not checked: the
 * resource is held to base R4, which every profile of it also satisfies.
 */
class R4Validator implements IValidatorModule {

    private static final Logger log = LoggerFactory.getLogger(R4Validator.class);
    private static final String BASE = "http://hl7.org/fhir/StructureDefinition/";
    /**
     * Invariants every element repeats (has a value or children; extensions have a value or extensions), which the parser
     * already holds, and dom-6 (a resource should have narrative): a best-practice warning that no machine-to-machine
     * resource here has or needs.
     */
    private static final Set<String> SKIPPED = Set.of("ele-1", "ext-1", "dom-6");

    private final FhirContext context;
    private final IFhirPath fhirPath;
    private final Map<String, StructureDefinition> definitions = new ConcurrentHashMap<>();

    R4Validator(FhirContext context) {
        this.context = context;
        this.fhirPath = context.newFhirPath();
    }

    @Override
    public void validateResource(IValidationContext<IBaseResource> validation) {
        List<SingleValidationMessage> messages = new ArrayList<>();
        Resource resource = (Resource) validation.getResource();
        if (resource.hasMeta()) {
            for (var profile : resource.getMeta().getProfile()) {
                if (!profile.getValue().startsWith(BASE)) {
                    messages.add(message(ResultSeverityEnum.WARNING, resource.fhirType() + ".meta.profile",
                            "profile " + profile.getValue() + " is not checked by Baton; the resource was validated against base R4"));
                }
            }
        }
        resource(resource, resource.fhirType(), messages);
        messages.forEach(validation::addValidationMessage);
    }

    private void resource(Resource resource, String location, List<SingleValidationMessage> messages) {
        StructureDefinition definition = definition(resource.fhirType());
        if (definition == null) {
            messages.add(message(ResultSeverityEnum.ERROR, location, "unknown resource type " + resource.fhirType()));
            return;
        }
        element(resource, location, definition, resource.fhirType(), messages);
    }

    /** One element: its invariants, then each child the definition lists, by cardinality, type and binding. */
    private void element(Base node, String location, StructureDefinition definition, String path, List<SingleValidationMessage> messages) {
        ElementDefinition self = find(definition, path);
        if (self != null) {
            invariants(node, location, self, messages);
        }
        for (ElementDefinition child : definition.getSnapshot().getElement()) {
            String childPath = child.getPath();
            if (!childPath.startsWith(path + ".") || childPath.indexOf('.', path.length() + 1) >= 0) {
                continue;
            }
            String name = childPath.substring(path.length() + 1);
            boolean choice = name.endsWith("[x]");
            List<Base> values = values(node, choice ? name : name);
            int max = "*".equals(child.getMax()) ? Integer.MAX_VALUE : Integer.parseInt(child.getMax());
            String base = location + "." + (choice ? name.substring(0, name.length() - 3) : name);
            if (values.size() < child.getMin()) {
                messages.add(message(ResultSeverityEnum.ERROR, base, "minimum required = " + child.getMin() + ", but only found "
                        + values.size() + " (" + name + " is required)"));
            }
            if (values.size() > max) {
                messages.add(message(ResultSeverityEnum.ERROR, base, "maximum allowed = " + child.getMax() + ", but found " + values.size()));
            }
            for (int i = 0; i < values.size(); i++) {
                Base value = values.get(i);
                String at = (choice ? location + "." + name.substring(0, name.length() - 3) + capitalized(value.fhirType()) : base)
                        + (max > 1 ? "[" + i + "]" : "");
                value(value, at, definition, child, messages);
            }
        }
    }

    private void value(Base value, String at, StructureDefinition definition, ElementDefinition child, List<SingleValidationMessage> messages) {
        if (value instanceof Enumeration<?> code && code.getValue() == null && code.getValueAsString() != null) {
            messages.add(message(ResultSeverityEnum.ERROR, at, "the code '" + code.getValueAsString() + "' is not in the required value set"
                    + (child.getBinding().hasValueSet() ? " " + child.getBinding().getValueSet() : "")));
            return;
        }
        if (value instanceof Reference reference) {
            references(reference, at, child, messages);
        }
        if (value instanceof Resource contained) {
            resource(contained, at, messages);
            return;
        }
        if (value.isPrimitive()) {
            return;
        }
        if (child.hasContentReference()) {
            element(value, at, definition, child.getContentReference().substring(child.getContentReference().indexOf('#') + 1), messages);
            return;
        }
        String type = child.getType().size() == 1 ? child.getType().get(0).getCode() : value.fhirType();
        if ("BackboneElement".equals(type) || "Element".equals(type)) {
            element(value, at, definition, child.getPath(), messages);
            return;
        }
        StructureDefinition datatype = definition(value.fhirType());
        if (datatype != null) {
            element(value, at, datatype, value.fhirType(), messages);
        }
    }

    /** A literal reference whose resource type the element does not allow (CarePlan.subject to a Task, say). */
    private void references(Reference reference, String at, ElementDefinition child, List<SingleValidationMessage> messages) {
        if (!reference.hasReference() || reference.getReference().startsWith("#") || reference.getReference().startsWith("urn:")) {
            return;
        }
        String type = reference.getReferenceElement().getResourceType();
        List<String> allowed = new ArrayList<>();
        child.getType().stream().filter(t -> t.getCode().equals("Reference")).flatMap(t -> t.getTargetProfile().stream())
                .forEach(p -> allowed.add(p.getValue().substring(p.getValue().lastIndexOf('/') + 1)));
        if (type == null) {
            messages.add(message(ResultSeverityEnum.ERROR, at + ".reference", "'" + reference.getReference()
                    + "' is not a reference of the form Type/id"));
        } else if (!allowed.isEmpty() && !allowed.contains("Resource") && !allowed.contains(type)) {
            messages.add(message(ResultSeverityEnum.ERROR, at + ".reference", "a reference to a " + type + " is not allowed here; allowed: "
                    + String.join(", ", allowed)));
        }
    }

    private void invariants(Base node, String location, ElementDefinition self, List<SingleValidationMessage> messages) {
        for (ElementDefinition.ElementDefinitionConstraintComponent constraint : self.getConstraint()) {
            if (SKIPPED.contains(constraint.getKey()) || !constraint.hasExpression()) {
                continue;
            }
            boolean holds;
            try {
                holds = fhirPath.evaluate(node, constraint.getExpression(), BooleanType.class).stream().allMatch(BooleanType::booleanValue);
            } catch (RuntimeException e) {
                log.debug("invariant {} could not be evaluated: {}", constraint.getKey(), e.getMessage());
                continue;
            }
            if (!holds) {
                ResultSeverityEnum severity = constraint.getSeverity() == ElementDefinition.ConstraintSeverity.ERROR
                        ? ResultSeverityEnum.ERROR : ResultSeverityEnum.WARNING;
                SingleValidationMessage message = message(severity, location, constraint.getKey() + ": " + constraint.getHuman());
                message.setMessageId(constraint.getKey());
                messages.add(message);
            }
        }
    }

    private static List<Base> values(Base node, String name) {
        try {
            var property = node.getNamedProperty(name);
            return property == null ? List.of() : property.getValues();
        } catch (org.hl7.fhir.exceptions.FHIRException e) {
            return List.of();
        }
    }

    private static ElementDefinition find(StructureDefinition definition, String path) {
        for (ElementDefinition element : definition.getSnapshot().getElement()) {
            if (element.getPath().equals(path)) {
                return element;
            }
        }
        return null;
    }

    StructureDefinition definition(String type) {
        return definitions.computeIfAbsent(type, t -> {
            var found = context.getValidationSupport().fetchStructureDefinition(BASE + t);
            return found instanceof StructureDefinition sd ? sd : new StructureDefinition();
        }).hasSnapshot() ? definitions.get(type) : null;
    }

    private static String capitalized(String type) {
        return Character.toUpperCase(type.charAt(0)) + type.substring(1);
    }

    static SingleValidationMessage message(ResultSeverityEnum severity, String location, String text) {
        SingleValidationMessage message = new SingleValidationMessage();
        message.setSeverity(severity);
        message.setLocationString(location);
        message.setMessage(text);
        return message;
    }
}

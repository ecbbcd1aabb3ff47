package app.baton.engine.internal;

import app.baton.engine.model.AbsentFields;
import app.baton.engine.model.SlaTerm;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which request fields a rule set reads, found in its DRL (authored and generated from tables):
 * the fact properties its rules name, the fields its missing-info rules require, and the anchors
 * of its due terms. The decision record keeps these and no more.
 */
public final class InputsRead {

    private static final Map<String, Set<String>> PROPERTIES = Map.ofEntries(
            Map.entry("program", Set.of("carePlan.program")),
            Map.entry("stage", Set.of("carePlan.stage")),
            Map.entry("complexity", Set.of("carePlan.complexity")),
            Map.entry("minutesThisPeriod", Set.of("carePlan.minutesThisPeriod")),
            Map.entry("faceToFaceAt", Set.of("carePlan.faceToFaceAt")),
            Map.entry("daysSinceDischarge", Set.of("carePlan.dischargeAt")),
            Map.entry("businessDaysSinceDischarge", Set.of("carePlan.dischargeAt")),
            Map.entry("visitBooked", Set.of("carePlan.faceToFaceAt")),
            Map.entry("taskType", Set.of("task.type")),
            Map.entry("status", Set.of("task.status")),
            Map.entry("open", Set.of("task.status")),
            Map.entry("priority", Set.of("task.priority")),
            Map.entry("attempts", Set.of("task.attempts")),
            Map.entry("businessDaysInStatus", Set.of("task.statusSince")),
            Map.entry("hoursInStatus", Set.of("task.statusSince")),
            Map.entry("payer", Set.of("patient.payer")),
            Map.entry("language", Set.of("patient.language")),
            Map.entry("location", Set.of("patient.location")),
            Map.entry("consentOnFile", Set.of("patient.consentOnFile")),
            Map.entry("ccmConsentOnFile", Set.of("patient.ccmConsentOnFile")),
            Map.entry("lineOfBusiness", Set.of("patient.lineOfBusiness")),
            Map.entry("itemKind", Set.of("carePlan.itemKind")),
            Map.entry("dischargeSetting", Set.of("carePlan.dischargeSetting")),
            Map.entry("dischargeDestination", Set.of("carePlan.dischargeDestination")),
            Map.entry("referralUrgency", Set.of("carePlan.referralUrgency")),
            Map.entry("receivingSpecialty", Set.of("carePlan.receivingSpecialty")),
            Map.entry("deceased", Set.of("patient.deceasedAt")),
            Map.entry("inHospice", Set.of("patient.inHospice")),
            Map.entry("ccmConsentRevoked", Set.of("patient.ccmConsentRevokedAt")),
            Map.entry("ageAtDischarge", Set.of("patient.birthDate", "carePlan.dischargeAt")),
            Map.entry("daysToReadmission", Set.of("carePlan.readmittedAt", "carePlan.dischargeAt")),
            Map.entry("daysToVisit", Set.of("carePlan.visitDoneAt", "carePlan.dischargeAt")),
            Map.entry("dayOfMonth", Set.of("carePlan.periodStart")),
            Map.entry("visitDay", Set.of("carePlan.visitDoneAt", "carePlan.dischargeAt")),
            Map.entry("beforeDischarge", Set.of("carePlan.dischargeAt")),
            Map.entry("chronicConditions", Set.of("carePlan.chronicConditions")),
            Map.entry("daysSincePreviousTcmDischarge", Set.of("carePlan.previousTcmDischargeAt", "carePlan.dischargeAt")));

    private static final Map<SlaTerm.Anchor, String> ANCHORS = Map.of(
            SlaTerm.Anchor.DISCHARGE, "carePlan.dischargeAt",
            SlaTerm.Anchor.CREATION, "task.createdAt",
            SlaTerm.Anchor.SUBMISSION, "task.submittedAt",
            SlaTerm.Anchor.STATUS_CHANGE, "task.statusSince",
            SlaTerm.Anchor.PERIOD_START, "carePlan.periodStart");

    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");

    private InputsRead() {
    }

    public static Set<String> of(Collection<String> drlTexts) {
        Set<String> read = new TreeSet<>();
        for (String drl : drlTexts) {
            Matcher word = WORD.matcher(drl);
            while (word.find()) {
                Set<String> fields = PROPERTIES.get(word.group());
                if (fields == null && word.group().startsWith("get") && word.group().length() > 3) {
                    String property = Character.toLowerCase(word.group().charAt(3)) + word.group().substring(4);
                    fields = PROPERTIES.get(property);
                }
                if (fields != null) {
                    read.addAll(fields);
                }
            }
            Matcher string = STRING.matcher(drl);
            while (string.find()) {
                String text = string.group(1);
                if (AbsentFields.NAMES.contains(text)) {
                    read.add(text);
                }
                SlaTerm.parse(text).map(term -> ANCHORS.get(term.anchor())).ifPresent(read::add);
            }
        }
        return read;
    }

    /** Every field name a rule set could read, for documentation and tests. */
    public static Set<String> known() {
        Set<String> all = new TreeSet<>(AbsentFields.NAMES);
        PROPERTIES.values().forEach(all::addAll);
        all.addAll(ANCHORS.values());
        return all;
    }

}

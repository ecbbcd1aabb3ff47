package app.baton.console.work;

import app.baton.engine.model.CaseInput;
import app.baton.engine.model.Complexity;
import app.baton.engine.model.DischargeDestination;
import app.baton.engine.model.DischargeSetting;
import app.baton.engine.model.ReferralUrgency;
import app.baton.engine.model.Specialty;
import app.baton.engine.model.ItemKind;
import app.baton.engine.model.LineOfBusiness;
import app.baton.engine.model.Priority;
import app.baton.system.DateRange;
import app.baton.careplan.FieldsUpdate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * A form's fields for a held intake or a plan's facts, read into the tracker's {@link FieldsUpdate}:
 * blank fields keep their value; times are typed in the practice's time zone. A field that cannot be
 * read is a {@link WorkPages.BadField} naming it, for the page to show next to it.
 */
final class FieldsForm {

    private FieldsForm() {
    }

    static FieldsUpdate read(Map<String, String> form, ZoneId zone) {
        return new FieldsUpdate(text(form, "payer"), text(form, "memberId"), text(form, "language"), yesNo(form, "consentOnFile"),
                code(Complexity.class, form, "complexity"), code(Priority.class, form, "priority"), time(form, "dischargeAt", zone),
                date(form, "periodStart"), number(form, "minutesThisPeriod"), time(form, "faceToFaceAt", zone),
                text(form, "referralReason"), text(form, "referringProvider"), code(LineOfBusiness.class, form, "lineOfBusiness"),
                yesNo(form, "ccmConsentOnFile"), code(ItemKind.class, form, "itemKind"),
                code(DischargeSetting.class, form, "dischargeSetting"), code(DischargeDestination.class, form, "dischargeDestination"),
                diagnosisCode(form), code(ReferralUrgency.class, form, "referralUrgency"),
                code(Specialty.class, form, "receivingSpecialty"), date(form, "birthDate"), time(form, "deceasedAt", zone),
                yesNo(form, "inHospice"), time(form, "ccmConsentRevokedAt", zone), time(form, "readmittedAt", zone),
                time(form, "visitDoneAt", zone), number(form, "chronicConditions"));
    }

    /** An ICD-10-CM code in its written shape (E11.9); anything else is named, never repeated. */
    private static String diagnosisCode(Map<String, String> form) {
        String v = WorkPages.blank(form.get("diagnosisCode"));
        if (v != null && !v.matches(CaseInput.ICD10CM)) {
            throw new WorkPages.BadField("diagnosisCode", "an ICD-10-CM code such as E11.9 (capital letter, digits, a dot)");
        }
        return v;
    }

    private static String text(Map<String, String> form, String name) {
        String v = WorkPages.blank(form.get(name));
        if (v != null && v.length() > (name.equals("referralReason") ? 200 : 64)) {
            throw new WorkPages.BadField(name, "too long");
        }
        return v;
    }

    private static Boolean yesNo(Map<String, String> form, String name) {
        String v = WorkPages.blank(form.get(name));
        return v == null ? null : Boolean.valueOf(v.equals("true"));
    }

    private static <E extends Enum<E>> E code(Class<E> type, Map<String, String> form, String name) {
        String v = WorkPages.blank(form.get(name));
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw new WorkPages.BadField(name, "choose one of the options offered");
        }
    }

    private static OffsetDateTime time(Map<String, String> form, String name, ZoneId zone) {
        String v = WorkPages.blank(form.get(name));
        try {
            OffsetDateTime time = v == null ? null : LocalDateTime.parse(v).atZone(zone).toOffsetDateTime();
            if (time != null && !DateRange.contains(time)) {
                throw new WorkPages.BadField(name, DateRange.RULE);
            }
            return time;
        } catch (DateTimeParseException e) {
            throw new WorkPages.BadField(name, "a date and time such as 2026-03-13T09:30");
        }
    }

    private static LocalDate date(Map<String, String> form, String name) {
        String v = WorkPages.blank(form.get(name));
        try {
            LocalDate date = v == null ? null : LocalDate.parse(v);
            if (date != null && !DateRange.contains(date)) {
                throw new WorkPages.BadField(name, DateRange.RULE);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new WorkPages.BadField(name, "a date such as 2026-03-01");
        }
    }

    private static Integer number(Map<String, String> form, String name) {
        String v = WorkPages.blank(form.get(name));
        try {
            Integer n = v == null ? null : Integer.valueOf(v);
            if (n != null && n < 0) {
                throw new WorkPages.BadField(name, "zero or more minutes");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new WorkPages.BadField(name, "a whole number of minutes");
        }
    }
}

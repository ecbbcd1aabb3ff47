package app.baton.engine.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A due-date term as a clinical lead writes it in the SLA table, for example
 * "2 business days after discharge", "72 hours after submission" or "end of month of period start",
 * optionally followed by a note in parentheses that says where the term comes from
 * ("7 calendar days after submission (practice default: no federal clock for this payer)"); the
 * note is kept in the basis the decision reports.
 */
public record SlaTerm(int amount, Unit unit, Anchor anchor, String text) {

    /**
     * BUSINESS_DAYS: weekdays except holidays, as regulations count them (practice closures never move them);
     * WORKING_DAYS: business days on which the practice is open (closures skipped), for the practice's own work.
     */
    public enum Unit { BUSINESS_DAYS, WORKING_DAYS, CALENDAR_DAYS, HOURS, BUSINESS_HOURS, END_OF_MONTH }

    public enum Anchor {
        DISCHARGE("discharge"), CREATION("creation"), SUBMISSION("submission"),
        STATUS_CHANGE("status change"), PERIOD_START("period start");

        private final String words;

        Anchor(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    private static final Pattern OFFSET = Pattern.compile(
            "(\\d{1,4}) (business days?|working days?|calendar days?|days?|hours?|business hours?) after (.+)");
    private static final Pattern MONTH_END = Pattern.compile("end of (?:the )?month of (.+)");
    /** A note after the term, in parentheses: it says where the term comes from and becomes part of the due date's basis. */
    private static final Pattern NOTE = Pattern.compile(" ?\\([^()]*\\)$");

    /** Parses a term; empty when it does not follow the grammar in docs/clinical-lead-guide.md. */
    public static Optional<SlaTerm> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Optional<SlaTerm> known = PARSED.get(raw);
        if (known != null) {
            return known;
        }
        if (PARSED.size() >= PARSED_KEPT) {
            PARSED.clear();
        }
        Optional<SlaTerm> parsed = parseText(raw);
        PARSED.put(raw, parsed);
        return parsed;
    }

    /**
     * Terms already parsed, by their cell text: every due date a rule decides parses its row's term, and a rule set holds
     * a few dozen distinct terms. Bounded so that uploaded tables cannot grow it without limit.
     */
    private static final Map<String, Optional<SlaTerm>> PARSED = new ConcurrentHashMap<>();
    private static final int PARSED_KEPT = 2_000;

    private static Optional<SlaTerm> parseText(String raw) {
        String text = raw.trim().replaceAll("\\s+", " ");
        String lower = NOTE.matcher(text.toLowerCase(Locale.ROOT)).replaceFirst("");
        Matcher month = MONTH_END.matcher(lower);
        if (month.matches()) {
            return anchor(month.group(1)).map(a -> new SlaTerm(0, Unit.END_OF_MONTH, a, text));
        }
        Matcher offset = OFFSET.matcher(lower);
        if (!offset.matches()) {
            return Optional.empty();
        }
        int amount = Integer.parseInt(offset.group(1));
        Unit unit = switch (offset.group(2)) {
            case "business day", "business days" -> Unit.BUSINESS_DAYS;
            case "working day", "working days" -> Unit.WORKING_DAYS;
            case "hour", "hours" -> Unit.HOURS;
            case "business hour", "business hours" -> Unit.BUSINESS_HOURS;
            default -> Unit.CALENDAR_DAYS;
        };
        return anchor(offset.group(3)).map(a -> new SlaTerm(amount, unit, a, text));
    }

    private static Optional<Anchor> anchor(String words) {
        return Arrays.stream(Anchor.values()).filter(a -> a.words.equals(words.trim())).findFirst();
    }
}

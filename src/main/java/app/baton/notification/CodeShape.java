package app.baton.notification;

import java.util.regex.Pattern;

/**
 * The shape of a notice's codes and ids: ASCII letters, digits and a few punctuation characters, of bounded length.
 * The regular expression is the definition (it is what an error message quotes); {@link #matches} answers the same
 * question with one pass over the characters, because the sweep builds hundreds of thousands of notices at once and
 * the regular expressions were a measurable share of its storing thread (NoticeTests compares the two).
 */
enum CodeShape {

    /** An upper-case code such as a notice kind or a queue. */
    CODE("[A-Z][A-Z0-9_]{0,63}", 64, true, true, "_"),
    /** The name of a code carried by a notice. */
    KEY("[a-zA-Z][a-zA-Z0-9_.-]{0,63}", 64, true, false, "_.-"),
    /** The value of a code carried by a notice. */
    VALUE("[A-Za-z0-9_.:/+-]{1,128}", 128, false, false, "_.:/+-"),
    /** A plan or task id. */
    ID("[A-Za-z0-9_.:-]{1,128}", 128, false, false, "_.:-");

    private final Pattern pattern;
    private final int maxLength;
    private final boolean letterFirst;
    private final boolean upperCaseOnly;
    private final String punctuation;

    CodeShape(String regex, int maxLength, boolean letterFirst, boolean upperCaseOnly, String punctuation) {
        this.pattern = Pattern.compile(regex);
        this.maxLength = maxLength;
        this.letterFirst = letterFirst;
        this.upperCaseOnly = upperCaseOnly;
        this.punctuation = punctuation;
    }

    /** The regular expression a matching text satisfies in full. */
    Pattern pattern() {
        return pattern;
    }

    boolean matches(String text) {
        int length = text.length();
        if (length == 0 || length > maxLength) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (!upperCaseOnly && c >= 'a' && c <= 'z');
            if (i == 0 && letterFirst) {
                if (!letter) {
                    return false;
                }
            } else if (!letter && !(c >= '0' && c <= '9') && punctuation.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}

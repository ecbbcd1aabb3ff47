package app.baton.engine.internal;

import java.util.HashSet;
import java.util.Set;

/**
 * What one row asks of one fact property, in a form that can be compared with another row's:
 * a text value, texts it must not be, a whole-number range, or (for a snippet Baton cannot read)
 * the literal condition. Lets the checks tell duplicate, shadowed, overlapping and contradictory rows.
 */
sealed interface Constraint {

    /** The tasks both constraints accept: {@link #NONE} when none, null when it cannot be told. */
    Constraint and(Constraint other);

    /** Whether this accepts every value {@code other} accepts (this row is at least as general). */
    boolean covers(Constraint other);

    /** No task satisfies both. */
    Constraint NONE = new Nothing();

    record Nothing() implements Constraint {
        public Constraint and(Constraint other) {
            return this;
        }

        public boolean covers(Constraint other) {
            return other instanceof Nothing;
        }
    }

    record Text(String value) implements Constraint {
        public Constraint and(Constraint other) {
            if (other instanceof Text t) {
                return t.value.equals(value) ? this : NONE;
            }
            if (other instanceof NotText n) {
                return n.values.contains(value) ? NONE : this;
            }
            return other instanceof Nothing ? NONE : null;
        }

        public boolean covers(Constraint other) {
            return other instanceof Nothing || other instanceof Text t && t.value.equals(value);
        }
    }

    record NotText(Set<String> values) implements Constraint {
        public Constraint and(Constraint other) {
            if (other instanceof NotText n) {
                Set<String> both = new HashSet<>(values);
                both.addAll(n.values);
                return new NotText(Set.copyOf(both));
            }
            return other instanceof Text || other instanceof Nothing ? other.and(this) : null;
        }

        public boolean covers(Constraint other) {
            return other instanceof Nothing || other instanceof Text t && !values.contains(t.value)
                    || other instanceof NotText n && n.values.containsAll(values);
        }
    }

    /** Whole numbers (or days, for effective dates) from {@code low} to {@code high}, both included. */
    record Range(long low, long high) implements Constraint {
        public Constraint and(Constraint other) {
            if (other instanceof Range r) {
                long lo = Math.max(low, r.low);
                long hi = Math.min(high, r.high);
                return lo > hi ? NONE : new Range(lo, hi);
            }
            return other instanceof Nothing ? NONE : null;
        }

        public boolean covers(Constraint other) {
            return other instanceof Nothing || other instanceof Range r && low <= r.low && high >= r.high;
        }
    }

    /** A condition Baton does not read: equal to another only when written the same way. */
    record Opaque(String condition) implements Constraint {
        public Constraint and(Constraint other) {
            return other instanceof Opaque o && o.condition.equals(condition) ? this : other instanceof Nothing ? NONE : null;
        }

        public boolean covers(Constraint other) {
            return other instanceof Nothing || other instanceof Opaque o && o.condition.equals(condition);
        }
    }
}

package app.baton.engine.model;

/** A fact for each input field that is absent (or, for consent, not given), for missing-info rules. */
public final class AbsentField {

    private final String name;

    public AbsentField(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return "AbsentField[" + name + "]";
    }
}

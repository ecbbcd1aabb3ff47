package app.baton.engine.model;

/**
 * What the owner should do next, and the rule that prompts it. {@code closeAs}, when the row fills its "Close task as"
 * column, is the status the task is closed with ({@code DONE}: the work is satisfied, {@code CANCELLED}: the work stops);
 * the prompt is then the reason. Null for a prompt that leaves the task open.
 */
public record NextAction(String code, String prompt, String rule, TaskStatus closeAs) {

    public NextAction(String code, String prompt, String rule) {
        this(code, prompt, rule, null);
    }
}

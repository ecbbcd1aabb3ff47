package app.baton.engine;

/** A problem that stops a rule set from compiling, placed as precisely as the source allows. */
public record CompileProblem(String file, String sheet, String cell, Integer line, String message) {

    public String location() {
        StringBuilder at = new StringBuilder(file);
        if (sheet != null) {
            at.append('#').append(sheet);
            if (cell != null) {
                at.append('!').append(cell);
            }
        } else if (line != null) {
            at.append("#line ").append(line);
        }
        return at.toString();
    }
}

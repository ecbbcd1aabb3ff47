package app.baton.ruleset;

/** A file as the client sent it: its name (no directories trusted) and its bytes. */
public record UploadedFile(String name, byte[] content) {
}

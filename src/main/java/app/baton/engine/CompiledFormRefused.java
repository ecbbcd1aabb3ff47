package app.baton.engine;

/**
 * A stored compiled form that must not be loaded: damaged, made by another build of Baton or from other
 * files, or holding what no rule may use. The version is compiled from its files instead. The reason
 * names no rule content and no patient data.
 */
public class CompiledFormRefused extends RuntimeException {

    public CompiledFormRefused(String reason) {
        super(reason);
    }

    public CompiledFormRefused(String reason, Throwable cause) {
        super(reason, cause);
    }
}

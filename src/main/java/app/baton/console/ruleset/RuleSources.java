package app.baton.console.ruleset;

import org.springframework.stereotype.Component;

/**
 * Where a rule is written, as a page shows it: the file's name and its place in it
 * ({@code sla.drl.xlsx#SLA!row 11}), without the folders, so it fits beside a value. Templates call it
 * as {@code @ruleSources}.
 */
@Component("ruleSources")
public class RuleSources {

    public String brief(String source) {
        if (source == null) {
            return null;
        }
        int hash = source.indexOf('#');
        int slash = source.lastIndexOf('/', hash < 0 ? source.length() - 1 : hash);
        return slash < 0 ? source : source.substring(slash + 1);
    }
}

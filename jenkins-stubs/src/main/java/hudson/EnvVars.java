package hudson;

import java.util.Map;
import java.util.TreeMap;

/**
 * Stand-in for Jenkins core's {@code hudson.EnvVars}: like the real class, a {@link TreeMap} whose keys compare
 * case-insensitively (compile-time only; the real class also expands variables and knows the agent's platform).
 */
public class EnvVars extends TreeMap<String, String> {
    private static final long serialVersionUID = 1L;

    public EnvVars() {
        super(String.CASE_INSENSITIVE_ORDER);
    }

    public EnvVars(Map<String, String> m) {
        this();
        putAll(m);
    }
}

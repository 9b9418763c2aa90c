package io.claudebaseline.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The config cannot be used. Carries every problem found, so the user fixes them in one pass.
 */
public class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public ConfigException(String source, List<Problem> problems) {
        super(summarise(source, problems));
        this.problems = List.copyOf(problems);
    }

    private ConfigException(String message, List<Problem> problems, Throwable cause) {
        super(message, cause);
        this.problems = List.copyOf(problems);
    }

    /** The same exception with {@code edit} applied to its message and to each problem's path and message (redaction). */
    public ConfigException withText(java.util.function.UnaryOperator<String> edit) {
        List<Problem> edited = problems.stream().map(p -> new Problem(p.severity(), edit.apply(p.path()), edit.apply(p.message()))).toList();
        ConfigException copy = new ConfigException(edit.apply(getMessage()), edited, null);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summarise(String source, List<Problem> problems) {
        long errors = problems.stream().filter(Problem::isError).count();
        return "Invalid configuration " + source + " (" + errors + (errors == 1 ? " error" : " errors") + "):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}

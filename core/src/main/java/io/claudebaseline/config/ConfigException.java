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

    public List<Problem> problems() {
        return problems;
    }

    private static String summarise(String source, List<Problem> problems) {
        long errors = problems.stream().filter(Problem::isError).count();
        return "Invalid configuration " + source + " (" + errors + (errors == 1 ? " error" : " errors") + "):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}

package io.claudebaseline.config;

/**
 * The size limits of a config file, checked while it is read and before anything is built from it, the same for
 * YAML and JSON (documented in docs/configuration.md, "Limits of the file"). They are far above any real baseline
 * (10,000 workspaces with their own allow-lists take about 2 MiB) and low enough that a runaway or hostile file is
 * refused in well under a second instead of taking gigabytes to reject.
 */
public final class ConfigLimits {

    /** Largest config file, in bytes: checked before the file is read. */
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    /** Longest string value or key, in characters (an IAM ARN has at most 2,048). */
    public static final int MAX_STRING_LENGTH = 4096;
    /** Most entries in one list or mapping. */
    public static final int MAX_ENTRIES = 20_000;
    /** Deepest nesting of lists and mappings (the schema itself needs 5). */
    public static final int MAX_NESTING = 50;
    /** Most values in the whole config once aliases are expanded: bounds an alias "bomb". */
    public static final int MAX_VALUES = 500_000;

    /**
     * Longest line of a YAML config, in characters. SnakeYAML's cost grows with the square of a line's length
     * (a 4 MB line takes about 26 s), so long lines are refused before it reads them; JSON has no such limit.
     */
    public static final int MAX_YAML_LINE_LENGTH = 65_536;

    private ConfigLimits() {}
}

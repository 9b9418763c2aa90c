package io.claudebaseline.eval.condition;

/**
 * The set qualifiers for multivalued keys (reference_policies_condition-single-vs-multi-valued-context-keys.html).
 */
public enum SetQualifier {
    /** No qualifier: the operator compares a (normally single-valued) key. */
    NONE(""),
    /** True when at least one request value satisfies the operator; false when the key is missing or empty. */
    FOR_ANY_VALUE("ForAnyValue:"),
    /** True when every request value satisfies the operator; also true when the key is missing or empty. */
    FOR_ALL_VALUES("ForAllValues:");

    private final String prefix;

    SetQualifier(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}

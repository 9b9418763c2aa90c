package io.claudebaseline.eval;

import java.util.List;

/**
 * A policy document parsed by {@link PolicyParser}.
 *
 * @param source     the policy as given
 * @param statements its statements in document order
 */
public record ParsedPolicy(NamedPolicy source, List<ParsedStatement> statements) {
    public ParsedPolicy {
        statements = List.copyOf(statements);
    }
}

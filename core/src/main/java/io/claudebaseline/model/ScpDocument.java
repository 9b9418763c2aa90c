package io.claudebaseline.model;

import java.util.List;

/**
 * One SCP of the desired baseline.
 *
 * @param name        policy name in Organizations: {@code <prefix>-<part>}; the identity of the SCP across runs
 * @param description policy description
 * @param controls    controls whose statements it carries
 * @param statements  its statements, in document order
 * @param content     the exact string sent to AWS: the minified policy document
 */
public record ScpDocument(
        String name,
        String description,
        List<Control> controls,
        List<PolicyStatement> statements,
        String content) {

    public ScpDocument {
        controls = List.copyOf(controls);
        statements = List.copyOf(statements);
    }

    /** Size as AWS counts it: every character of the string sent. */
    public int characters() {
        return content.length();
    }
}

package io.claudebaseline.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One SCP statement as rendered from its template and parsed back.
 *
 * @param sid     the statement's Sid (unique within the baseline)
 * @param control the control it implements
 * @param json    the whole statement object (Sid, Effect, Action, Resource, Condition); treat as read-only
 */
public record PolicyStatement(String sid, Control control, ObjectNode json) {
    /** Characters this statement adds to a minified policy document (without the separating comma). */
    public int minifiedLength() {
        return json.toString().length();
    }
}

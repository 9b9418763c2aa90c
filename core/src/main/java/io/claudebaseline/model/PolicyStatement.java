package io.claudebaseline.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claudebaseline.json.JsonTrees;

/**
 * One SCP statement as rendered from its template and parsed back.
 *
 * @param sid     the statement's Sid (unique within the baseline)
 * @param control the control it implements
 * @param json    the whole statement object (Sid, Effect, Action, Resource, Condition); treat as read-only
 * @param text    {@code json} as compact JSON, the form a minified policy document holds it in
 */
public record PolicyStatement(String sid, Control control, ObjectNode json, String text) {
    /**
     * Serialises {@code json} once: packing sizes every statement and each SCP document joins them, so the text
     * is needed several times per statement (at 10,000 workspaces that was a tenth of a validate).
     */
    public PolicyStatement(String sid, Control control, ObjectNode json) {
        this(sid, control, json, JsonTrees.compact(json));
    }

    /** Characters this statement adds to a minified policy document (without the separating comma). */
    public int minifiedLength() {
        return text.length();
    }
}

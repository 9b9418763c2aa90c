package io.claudebaseline.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.claudebaseline.policy.PolicySemantics;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements two policy documents do not share, compared by meaning ({@link PolicySemantics}) but shown as
 * written (minified), so a reader sees the Sids and spellings they know rather than the canonical form.
 *
 * @param missing    statements of the desired document the live one lacks
 * @param unexpected statements of the live document the desired one lacks
 */
record StatementDiff(List<String> missing, List<String> unexpected) {

    static StatementDiff of(JsonNode desired, JsonNode live) {
        List<JsonNode> want = written(desired);
        List<JsonNode> have = written(live);
        List<JsonNode> wantCanonical = want.stream().map(StatementDiff::canonical).toList();
        List<JsonNode> haveCanonical = have.stream().map(StatementDiff::canonical).toList();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < want.size(); i++) {
            if (!haveCanonical.contains(wantCanonical.get(i))) {
                missing.add(PolicySemantics.minify(want.get(i)));
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (int i = 0; i < have.size(); i++) {
            if (!wantCanonical.contains(haveCanonical.get(i))) {
                unexpected.add(PolicySemantics.minify(have.get(i)));
            }
        }
        return new StatementDiff(missing, unexpected);
    }

    /** Readable lines: {@code - statement} for each unexpected one, {@code + statement} for each missing one. */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        unexpected.forEach(s -> out.add("- " + s));
        missing.forEach(s -> out.add("+ " + s));
        return out;
    }

    private static List<JsonNode> written(JsonNode doc) {
        JsonNode statements = doc.has("Statement") ? doc.get("Statement") : doc;
        List<JsonNode> out = new ArrayList<>();
        if (statements.isArray()) {
            statements.forEach(out::add);
        } else {
            out.add(statements);
        }
        return out;
    }

    private static JsonNode canonical(JsonNode statement) {
        List<JsonNode> c = PolicySemantics.statementsOf(statement);
        return c.isEmpty() ? statement : c.get(0);
    }
}

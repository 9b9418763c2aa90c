package io.claudebaseline.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claudebaseline.json.JsonTrees;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an IAM policy document <em>means</em>, as opposed to how it is spelled.
 *
 * <p>Two documents that AWS evaluates identically must compare equal, so that re-formatting, re-ordering or
 * AWS's own normalisation of a stored SCP is never reported as drift. The canonical form encodes IAM's rules:
 * <ul>
 *   <li>JSON object member order is irrelevant (members are sorted);</li>
 *   <li>{@code Action}, {@code NotAction}, {@code Resource}, {@code NotResource} and every condition value are
 *       <em>sets</em>: a single string equals a one-element list, order and duplicates do not matter;</li>
 *   <li>action names are case-insensitive (IAM matches them so), and so are condition key names; resource ARNs
 *       and condition values are not;</li>
 *   <li>a condition value written as a JSON boolean or number equals the same value written as a string
 *       (IAM compares them as strings);</li>
 *   <li>{@code Statement} is a set: a single statement object equals a one-element list, order and exact
 *       duplicates do not matter.</li>
 * </ul>
 * {@code Sid}, {@code Effect} and {@code Version} are kept verbatim: they are part of what AWS stores.
 *
 * <p>{@link #minify(JsonNode)} is the other half: the exact, order-preserving string sent to AWS, whose length is
 * what Organizations counts against the SCP size limit.
 */
public final class PolicySemantics {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Set<String> CASE_INSENSITIVE_SETS = Set.of("Action", "NotAction");
    private static final Set<String> CASE_SENSITIVE_SETS = Set.of("Resource", "NotResource");

    private PolicySemantics() {}

    /** Parses policy text (as stored by AWS or rendered by us). */
    public static JsonNode parse(String policyText) {
        try {
            return JsonTrees.read(policyText, JsonTrees.Reading.PLAIN);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON policy document: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The exact string sent to AWS: compact JSON, member order preserved, non-ASCII characters kept as they are
     * (AWS counts characters, not bytes). Its {@code length()} is the size Organizations checks.
     */
    public static String minify(JsonNode document) {
        return JsonTrees.compact(document);
    }

    /**
     * The canonical form of a policy document, a single statement, or a list of statements. Equal canonical
     * forms mean AWS evaluates them identically (within the rules listed on this class). The input is not
     * modified.
     */
    public static JsonNode canonical(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return NODES.nullNode();
        }
        if (node.isArray()) {
            return canonicalStatements(node);
        }
        if (node.isObject() && node.has("Statement")) {
            return canonicalDocument((ObjectNode) node);
        }
        if (node.isObject()) {
            return canonicalStatement(node);
        }
        return node.deepCopy();
    }

    /** The canonical form as one deterministic string (for hashing, caching or display). */
    public static String canonicalString(JsonNode node) {
        return minify(canonical(node));
    }

    /** True when AWS would evaluate both documents (or statements) identically. */
    public static boolean equivalent(JsonNode a, JsonNode b) {
        return canonical(a).equals(canonical(b));
    }

    /** {@link #equivalent(JsonNode, JsonNode)} on policy text. */
    public static boolean equivalent(String a, String b) {
        return equivalent(parse(a), parse(b));
    }

    /**
     * Statement-level difference between two documents, each statement in canonical form: what {@code desired}
     * has that {@code actual} lacks, and the reverse. Both empty (and {@link #equivalent} true, when the other
     * document members match) means no drift.
     */
    public static StatementDiff diff(JsonNode desired, JsonNode actual) {
        List<JsonNode> want = statementsOf(desired);
        List<JsonNode> have = statementsOf(actual);
        List<JsonNode> missing = new ArrayList<>();
        for (JsonNode s : want) {
            if (!have.contains(s)) missing.add(s);
        }
        List<JsonNode> unexpected = new ArrayList<>();
        for (JsonNode s : have) {
            if (!want.contains(s)) unexpected.add(s);
        }
        return new StatementDiff(missing, unexpected);
    }

    /** The canonical statements of a document, a statement or a list of statements, sorted. */
    public static List<JsonNode> statementsOf(JsonNode node) {
        JsonNode c = canonical(node);
        JsonNode statements = c.isArray() ? c : c.has("Statement") ? c.get("Statement") : NODES.arrayNode().add(c);
        List<JsonNode> out = new ArrayList<>();
        statements.forEach(out::add);
        return out;
    }

    private static ObjectNode canonicalDocument(ObjectNode doc) {
        Map<String, JsonNode> members = new TreeMap<>();
        doc.properties().forEach(e -> members.put(e.getKey(),
                e.getKey().equals("Statement") ? canonicalStatements(e.getValue()) : canonicalGeneric(e.getValue())));
        ObjectNode out = NODES.objectNode();
        members.forEach(out::set);
        return out;
    }

    private static ArrayNode canonicalStatements(JsonNode statements) {
        TreeMap<String, JsonNode> unique = new TreeMap<>();
        if (statements.isArray()) {
            for (JsonNode s : statements) {
                JsonNode c = canonicalStatement(s);
                unique.put(minify(c), c);
            }
        } else {
            JsonNode c = canonicalStatement(statements);
            unique.put(minify(c), c);
        }
        ArrayNode out = NODES.arrayNode();
        unique.values().forEach(out::add);
        return out;
    }

    private static JsonNode canonicalStatement(JsonNode statement) {
        if (!statement.isObject()) {
            return canonicalGeneric(statement);
        }
        Map<String, JsonNode> members = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : statement.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (CASE_INSENSITIVE_SETS.contains(key)) {
                members.put(key, stringSet(value, true));
            } else if (CASE_SENSITIVE_SETS.contains(key)) {
                members.put(key, stringSet(value, false));
            } else if (key.equals("Condition")) {
                members.put(key, canonicalCondition(value));
            } else {
                members.put(key, canonicalGeneric(value));
            }
        }
        ObjectNode out = NODES.objectNode();
        members.forEach(out::set);
        return out;
    }

    /** Condition: operator → key → set of values. Operators are kept verbatim; key names are case-insensitive. */
    private static JsonNode canonicalCondition(JsonNode condition) {
        if (!condition.isObject()) {
            return canonicalGeneric(condition);
        }
        Map<String, JsonNode> operators = new TreeMap<>();
        condition.properties().forEach(op -> {
            if (!op.getValue().isObject()) {
                operators.put(op.getKey(), canonicalGeneric(op.getValue()));
                return;
            }
            // Two spellings of one key under one operator merge, as IAM treats key names case-insensitively.
            Map<String, TreeSet<String>> keys = new TreeMap<>();
            op.getValue().properties().forEach(k -> keys
                    .computeIfAbsent(k.getKey().toLowerCase(Locale.ROOT), x -> new TreeSet<>())
                    .addAll(values(k.getValue(), false)));
            ObjectNode keysNode = NODES.objectNode();
            keys.forEach((k, v) -> {
                ArrayNode arr = NODES.arrayNode();
                v.forEach(arr::add);
                keysNode.set(k, arr);
            });
            operators.put(op.getKey(), keysNode);
        });
        ObjectNode out = NODES.objectNode();
        operators.forEach(out::set);
        return out;
    }

    private static ArrayNode stringSet(JsonNode value, boolean lowerCase) {
        ArrayNode arr = NODES.arrayNode();
        new TreeSet<>(values(value, lowerCase)).forEach(arr::add);
        return arr;
    }

    /** A scalar or a list of scalars as strings (IAM compares condition values and ARNs as text). */
    private static List<String> values(JsonNode value, boolean lowerCase) {
        List<String> out = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> out.add(scalar(v, lowerCase)));
        } else {
            out.add(scalar(value, lowerCase));
        }
        return out;
    }

    private static String scalar(JsonNode v, boolean lowerCase) {
        String s = v.isValueNode() ? v.asText() : minify(canonicalGeneric(v));
        return lowerCase ? s.toLowerCase(Locale.ROOT) : s;
    }

    /** Anything else: objects get sorted members, arrays keep their order. */
    private static JsonNode canonicalGeneric(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> members = new TreeMap<>();
            node.properties().forEach(e -> members.put(e.getKey(), canonicalGeneric(e.getValue())));
            ObjectNode out = NODES.objectNode();
            members.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            node.forEach(n -> out.add(canonicalGeneric(n)));
            return out;
        }
        return node.deepCopy();
    }

    /**
     * Statements one side has and the other lacks, in canonical form.
     *
     * @param missing    in the desired document, not in the actual one
     * @param unexpected in the actual document, not in the desired one
     */
    public record StatementDiff(List<JsonNode> missing, List<JsonNode> unexpected) {
        public StatementDiff {
            missing = List.copyOf(missing);
            unexpected = List.copyOf(unexpected);
        }

        public boolean isEmpty() {
            return missing.isEmpty() && unexpected.isEmpty();
        }
    }
}

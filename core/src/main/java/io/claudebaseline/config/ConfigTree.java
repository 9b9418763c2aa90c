package io.claudebaseline.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The config as a tree of values, built by {@link YamlTreeReader} or {@link JsonTreeReader} before any binding,
 * with the line and column of every field and list entry (so binding errors point at the real line) and the
 * {@link ConfigLimits} enforced while it grows: nothing is built from input beyond them.
 */
final class ConfigTree {

    /** Where a field or list entry starts in the file (1-based). */
    record Position(int line, int column) {
        @Override
        public String toString() {
            return " (line " + line + ", column " + column + ")";
        }
    }

    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final Map<String, Position> positions;
    private JsonNode root;
    private int values;

    ConfigTree() {
        this.positions = new HashMap<>();
    }

    private ConfigTree(Map<String, Position> positions, JsonNode root) {
        this.positions = positions;
        this.root = root;
    }

    /** The same config with its own copy of the values (binding removes those it reports), sharing the positions. */
    ConfigTree copy() {
        return new ConfigTree(positions, root == null ? null : root.deepCopy());
    }

    JsonNode root() {
        return root;
    }

    void root(JsonNode root) {
        this.root = root;
    }

    /** The position of the field or entry at {@code path} ({@code a.b[1].c}), or null when not known. */
    Position position(String path) {
        return positions.get(path);
    }

    /** " (line L, column C)" for a message, or nothing when the position is not known. */
    static String where(Position at) {
        return at == null ? "" : at.toString();
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String child(String path, int index) {
        return path + "[" + index + "]";
    }

    /** Counts one more value and refuses when the whole config (aliases expanded) grows beyond the limit. */
    void count(String path, Position at) throws ConfigException {
        if (++values > ConfigLimits.MAX_VALUES) {
            throw fail(path, "the config holds more than " + ConfigLimits.MAX_VALUES + " values (aliases expanded)" + where(at)
                    + "; that is far beyond any baseline: check for aliases that repeat each other");
        }
    }

    void checkDepth(int depth, String path, Position at) throws ConfigException {
        if (depth > ConfigLimits.MAX_NESTING) {
            throw fail(path, "nested more than " + ConfigLimits.MAX_NESTING + " levels deep" + where(at) + "; a config needs a handful");
        }
    }

    void checkEntries(int entries, String path, Position at) throws ConfigException {
        if (entries > ConfigLimits.MAX_ENTRIES) {
            throw fail(path, "has " + entries + " entries, more than " + ConfigLimits.MAX_ENTRIES + " entries allowed in one list or mapping" + where(at));
        }
    }

    void checkString(String value, String path, Position at, String what) throws ConfigException {
        if (value.length() > ConfigLimits.MAX_STRING_LENGTH) {
            throw fail(path, what + " of " + value.length() + " characters is longer than the limit of " + ConfigLimits.MAX_STRING_LENGTH
                    + " characters" + where(at));
        }
    }

    /** Adds a field to a mapping, refusing a key given twice (the second would silently win). */
    void put(ObjectNode object, String key, JsonNode value, String path, Position at) throws ConfigException {
        if (object.has(key)) {
            throw duplicate(path, key, at, positions.get(child(path, key)));
        }
        object.set(key, value);
    }

    /** A key given twice: the second would silently win, so neither is taken. */
    static ConfigException duplicate(String path, String key, Position at, Position first) {
        return fail(child(path, key), "'" + key + "' appears twice" + where(at)
                + (first == null ? "" : ", first at line " + first.line()) + "; keep one");
    }

    void at(String path, Position position) {
        positions.putIfAbsent(path, position);
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    static ConfigException fail(String path, String message) {
        return new ConfigException("", List.of(Problem.error(path, message)));
    }
}

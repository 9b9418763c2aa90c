package io.claudebaseline.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps a {@link io.claudebaseline.config.Problem#path() Problem's field path} — {@code workspaces[1].allowedPrincipals[0]},
 * {@code controls.denyShadowUsers.userNamePattern} — to the line and column where it is written in the config
 * file, by reading the file once with Jackson's streaming parser (YAML or JSON) and noting where each field name
 * and list entry starts. Independent of {@code ConfigLoader}: it only needs the text. A path the file does not
 * contain (a missing field, an unparseable file) resolves to its nearest written parent, else to line 1.
 */
final class ConfigLocator {
    /** A 1-based position in the file. */
    record Position(int line, int column) {
        static final Position START = new Position(1, 1);
    }

    private final Map<String, Position> positions = new HashMap<>();

    private ConfigLocator() {}

    /** A locator for {@code text}; {@code json} selects the JSON parser (YAML reads JSON too, less precisely). */
    static ConfigLocator of(String text, boolean json) {
        ConfigLocator l = new ConfigLocator();
        if (text != null) {
            try (JsonParser p = (json ? new JsonFactory() : new YAMLFactory()).createParser(text)) {
                l.read(p);
            } catch (IOException | RuntimeException e) {
                // A file that does not parse still has a line 1: what was read so far stays usable.
            }
        }
        return l;
    }

    /** No file: every path resolves to line 1. */
    static ConfigLocator empty() {
        return new ConfigLocator();
    }

    /** Where {@code path} is written, or its nearest written parent, or line 1. */
    Position locate(String path) {
        String p = path == null ? "" : path.strip();
        while (!p.isEmpty()) {
            Position found = positions.get(p);
            if (found != null) {
                return found;
            }
            p = parent(p);
        }
        return Position.START;
    }

    /** True when the exact path is written in the file. */
    boolean contains(String path) {
        return positions.containsKey(path);
    }

    static String parent(String path) {
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    /** One open object or array while reading: the path to it and, in an array, the next index. */
    private record Frame(String path, boolean array, int[] next) {}

    private void read(JsonParser p) throws IOException {
        Deque<Frame> stack = new ArrayDeque<>();
        String pendingField = null;
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            if (t == JsonToken.FIELD_NAME) {
                String at = join(stack.isEmpty() ? "" : stack.peek().path(), p.currentName());
                positions.putIfAbsent(at, position(p.currentTokenLocation()));
                pendingField = at;
                continue;
            }
            if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                stack.pop();
                continue;
            }
            String valuePath;
            if (stack.isEmpty()) {
                valuePath = "";
            } else if (stack.peek().array()) {
                valuePath = stack.peek().path() + "[" + stack.peek().next()[0]++ + "]";
                positions.putIfAbsent(valuePath, position(p.currentTokenLocation()));
            } else {
                valuePath = pendingField == null ? stack.peek().path() : pendingField;
            }
            pendingField = null;
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                stack.push(new Frame(valuePath, t == JsonToken.START_ARRAY, new int[1]));
            }
        }
    }

    private static String join(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    private static Position position(JsonLocation l) {
        return new Position(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }
}

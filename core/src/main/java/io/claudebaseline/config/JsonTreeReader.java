package io.claudebaseline.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads JSON into a {@link ConfigTree} token by token, so the limits are checked as the tree grows and every field
 * keeps its line. Strict JSON: no comments, no trailing commas, one value per file.
 */
final class JsonTreeReader {

    private JsonTreeReader() {}

    static ConfigTree read(String text, JsonFactory factory) throws ConfigException {
        ConfigTree tree = new ConfigTree();
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first != null) {
                tree.root(value(parser, tree, "", 0));
                if (parser.nextToken() != null) {
                    throw ConfigTree.fail("", "more than one JSON value" + ConfigTree.where(position(parser.currentTokenLocation()))
                            + "; a config is one object: remove what follows its closing '}'");
                }
            }
        } catch (JsonProcessingException e) {
            throw ConfigTree.fail("", "not valid JSON" + ConfigTree.where(position(e.getLocation())) + ": " + JsonMessages.plain(e.getOriginalMessage()));
        } catch (IOException e) {
            throw ConfigTree.fail("", "cannot read the JSON: " + e.getMessage());
        }
        return tree;
    }

    private static JsonNode value(JsonParser p, ConfigTree tree, String path, int depth) throws IOException, ConfigException {
        ConfigTree.Position at = position(p.currentTokenLocation());
        tree.count(path, at);
        switch (p.currentToken()) {
            case START_OBJECT -> {
                tree.checkDepth(depth + 1, path, at);
                ObjectNode object = ConfigTree.object();
                int entries = 0;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    ConfigTree.Position keyAt = position(p.currentTokenLocation());
                    tree.checkString(key, path, keyAt, "a key");
                    tree.checkEntries(++entries, path, at);
                    String fieldPath = ConfigTree.child(path, key);
                    p.nextToken();
                    JsonNode v = value(p, tree, fieldPath, depth + 1);
                    tree.put(object, key, v, path, keyAt);
                    tree.at(fieldPath, keyAt);
                }
                return object;
            }
            case START_ARRAY -> {
                tree.checkDepth(depth + 1, path, at);
                ArrayNode array = ConfigTree.array();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String itemPath = ConfigTree.child(path, array.size());
                    tree.checkEntries(array.size() + 1, path, at);
                    tree.at(itemPath, position(p.currentTokenLocation()));
                    array.add(value(p, tree, itemPath, depth + 1));
                }
                return array;
            }
            case VALUE_STRING -> {
                String s = p.getText();
                tree.checkString(s, path, at, "a value");
                return ConfigTree.NODES.textNode(s);
            }
            case VALUE_NUMBER_INT -> {
                return ConfigTree.NODES.numberNode(p.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return ConfigTree.NODES.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return ConfigTree.NODES.booleanNode(p.currentToken() == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return ConfigTree.NODES.nullNode();
            }
            default -> throw ConfigTree.fail(path, "unexpected " + p.currentToken().asString() + ConfigTree.where(at));
        }
    }

    private static ConfigTree.Position position(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? null : new ConfigTree.Position(loc.getLineNr(), loc.getColumnNr());
    }

    /** Parse messages from Jackson, without its source excerpts, feature names and class names. */
    static final class JsonMessages {
        private JsonMessages() {}

        static String plain(String message) {
            if (message == null) {
                return "cannot be read";
            }
            if (message.contains("ALLOW_COMMENTS") || message.contains("comment")) {
                return "JSON has no comments; remove it, or write the config as YAML, where '#' starts a comment";
            }
            if (message.contains("ALLOW_TRAILING_COMMA") || message.matches("(?s).*Unexpected character \\('[}\\]]'.*")) {
                return message.replaceAll("(?s)\\s*\\(.*", "").trim() + " (a comma before a closing bracket is not JSON: remove it)";
            }
            if (message.contains("ALLOW_SINGLE_QUOTES") || message.contains("(''' (code 39))")) {
                return "JSON strings and names take double quotes (\"name\"), not single quotes";
            }
            if (message.contains("Leading zeroes")) {
                return "a JSON number cannot start with 0; write an account id as a string (\"011122223333\")";
            }
            return message.replaceAll("(?s)\\s*\\(start marker at \\[Source:.*?\\]\\)", "")
                    .replaceAll("(?s)\\s*at \\[Source:.*?\\]", "")
                    .replaceAll("(?s)\\s*\\([^()]*(Feature|StreamReadConstraints|JsonReadFeature)[^()]*\\)", "")
                    .replace('`', '\'').trim();
        }
    }
}

package io.claudebaseline.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.Instantiatable;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.ClassUtil;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Reads and writes JSON trees with jackson-core's streaming parser and generator, giving the same trees and the
 * same text as {@code ObjectMapper.readTree} and {@code writeValueAsString} of a default mapper, without one:
 * {@code ObjectMapper}'s class initialisation alone (its date format scans every locale) is 40-50 ms of a small
 * run, and each mapper then sets up its tree deserializer or serializers on first use. {@link JsonNode#toString()}
 * and {@link JsonNode#toPrettyString()} use an internal mapper, so code on the validate/render/simulate path writes
 * trees through here instead ({@code RenderWithoutObjectMapperTest} checks a render of the example).
 *
 * <p>Numbers are read as a default mapper reads them: integers as int, long or BigInteger nodes by size,
 * fractions as double nodes.
 */
public final class JsonTrees {

    /** How strictly a document is read. */
    public enum Reading {
        /** As a default mapper: a repeated key's later value replaces the earlier one; text after the value is not read. */
        PLAIN,
        /** A repeated key is an error; text after the value is not read. */
        UNIQUE_KEYS,
        /** A repeated key is an error, and so is anything but white space after the value. */
        STRICT
    }

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonFactory UNIQUE_KEYS_FACTORY =
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {}

    /**
     * Parses one JSON document: a missing node for empty input (white space only), a null node for {@code null}.
     * Parse errors are the parser's own exceptions, with its messages and locations.
     */
    public static JsonNode read(String text, Reading reading) throws JsonProcessingException {
        try (JsonParser p = factory(reading).createParser(text)) {
            return read(p, reading);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw JsonMappingException.fromUnexpectedIOE(e);
        }
    }

    /** {@link #read(String, Reading)} from a stream (the encoding detected as JSON allows); closes it. */
    public static JsonNode read(InputStream in, Reading reading) throws IOException {
        try (JsonParser p = factory(reading).createParser(in)) {
            return read(p, reading);
        }
    }

    /** Compact JSON: no white space, member order kept, non-ASCII characters as they are. */
    public static String compact(JsonNode node) {
        return write(node, null);
    }

    /**
     * {@code node} as JSON laid out by {@code printer} (compact when null); a printer that keeps state (such as
     * {@code DefaultPrettyPrinter}) is copied first, so one instance may serve every call.
     */
    public static String write(JsonNode node, PrettyPrinter printer) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (printer != null) {
                g.setPrettyPrinter(printer instanceof Instantiatable<?> i ? (PrettyPrinter) i.createInstance() : printer);
            }
            write(g, node);
        } catch (IOException e) {
            // A string cannot fail to take the text; the generator fails only beyond its nesting limit.
            throw new IllegalStateException("cannot serialise JSON", e);
        }
        return out.toString();
    }

    private static JsonFactory factory(Reading reading) {
        return reading == Reading.PLAIN ? FACTORY : UNIQUE_KEYS_FACTORY;
    }

    private static JsonNode read(JsonParser p, Reading reading) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            return NODES.missingNode();
        }
        JsonNode root = first.isStructStart() ? container(p, first) : scalar(p, first);
        if (reading == Reading.STRICT) {
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                throw MismatchedInputException.from(p, JsonNode.class, String.format(
                        "Trailing token (of type %s) found after value (bound as %s): not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`",
                        trailing, ClassUtil.nameOf(JsonNode.class)));
            }
        }
        return root;
    }

    /**
     * The object or array {@code start} opens, read without recursion (the parser bounds the nesting) and with the
     * parser calls the mapper's tree deserializer makes: {@code nextFieldName()} in objects, {@code nextToken()}
     * in arrays. The parser's error messages differ between the two for some bad input.
     */
    private static ContainerNode<?> container(JsonParser p, JsonToken start) throws IOException {
        ContainerNode<?> root = start == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
        Deque<ContainerNode<?>> open = new ArrayDeque<>();
        ContainerNode<?> current = root;
        while (true) {
            String name = null;
            JsonToken t;
            if (current instanceof ObjectNode) {
                name = p.nextFieldName();
                t = name == null ? JsonToken.END_OBJECT : p.nextToken();
            } else {
                t = p.nextToken();
            }
            if (t == null) {
                throw new IllegalStateException("the parser ended inside a JSON container");
            }
            switch (t) {
                case END_OBJECT, END_ARRAY -> {
                    if (open.isEmpty()) {
                        return root;
                    }
                    current = open.pop();
                }
                case START_OBJECT, START_ARRAY -> {
                    ContainerNode<?> child = t == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
                    add(current, name, child);
                    open.push(current);
                    current = child;
                }
                default -> add(current, name, scalar(p, t));
            }
        }
    }

    private static void add(ContainerNode<?> container, String name, JsonNode value) {
        if (container instanceof ObjectNode object) {
            object.replace(name, value); // as the mapper: a repeated key keeps its first position and its last value
        } else {
            ((ArrayNode) container).add(value);
        }
    }

    private static JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> NODES.numberNode(p.getIntValue());
                case LONG -> NODES.numberNode(p.getLongValue());
                default -> NODES.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> switch (p.getNumberTypeFP()) {
                case BIG_DECIMAL -> NODES.numberNode(p.getDecimalValue());
                case FLOAT32 -> NODES.numberNode(p.getFloatValue());
                default -> NODES.numberNode(p.getDoubleValue());
            };
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalStateException("unexpected JSON token " + t);
        };
    }

    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject(node);
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray(node, node.size());
                for (JsonNode element : node) {
                    write(g, element);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> g.writeNumber(node.intValue());
                    case LONG -> g.writeNumber(node.longValue());
                    case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
                    case FLOAT -> g.writeNumber(node.floatValue());
                    case DOUBLE -> g.writeNumber(node.doubleValue());
                    case BIG_DECIMAL -> g.writeNumber(node.decimalValue());
                }
            }
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL, MISSING -> g.writeNull();
            default -> throw new IllegalArgumentException("cannot write a " + node.getNodeType() + " node without a mapper");
        }
    }
}

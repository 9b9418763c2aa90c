package io.claudebaseline.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claudebaseline.json.JsonTrees.Reading;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * JsonTrees against the mappers it replaced, used here as the oracle: the same trees (node types included), the
 * same errors (message and location) and the same text, compact and pretty-printed.
 */
class JsonTreesTest {

    /** The mappers the three readings replaced (PolicySemantics/ServiceReference, PolicyParser, RenderedJson). */
    private static final Map<Reading, ObjectMapper> ORACLES = Map.of(
            Reading.PLAIN, JsonMapper.builder().build(),
            Reading.UNIQUE_KEYS, JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build(),
            Reading.STRICT, JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build());
    private static final ObjectMapper PLAIN = ORACLES.get(Reading.PLAIN);
    /** RenderedJson's printer. */
    private static final DefaultPrettyPrinter REVIEW = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));

    private static final List<String> VALID = List.of(
            "{}", "[]", " { } ", "[[],{},[[]],{\"a\":{}}]", "{\"a\":{\"b\":{\"c\":[1,[2,[3,{\"d\":[]}]]]}}}",
            "null", "true", "false", "\"text\"", "0", "-0", "42", "  7  ",
            "{\"int\":1,\"min\":-2147483648,\"max\":2147483647,\"over\":2147483648,\"under\":-2147483649,"
                    + "\"lmax\":9223372036854775807,\"lmin\":-9223372036854775808,\"big\":9223372036854775808,"
                    + "\"bigneg\":-92233720368547758090,\"huge\":123456789012345678901234567890123456789}",
            "[0.1,1.0,-0.0,1e3,1E-7,2.5E+10,0.30000000000000004,1.5e308,4.9e-324,1e400,-1e400,1e-400,"
                    + "123456789012345678901234567890.5,3.141592653589793238462643383279,100.000]",
            "{\"esc\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0000\\u0001\\u001f\\u007f\\u0080\",\"uni\":\"é€𝄞 ü\","
                    + "\"escaped-uni\":\"\\u00e9\\u20ac\\ud834\\udd1e\",\"sep\":\"\\u2028\\u2029\",\"lone\":\"\\ud800\","
                    + "\"html\":\"<script>&'</script>\",\"\":\"empty key\",\"ключ\":\"значение\"}",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyKeys\",\"Effect\":\"Deny\","
                    + "\"Action\":[\"iam:CreateServiceSpecificCredential\"],\"Resource\":\"*\",\"Condition\":"
                    + "{\"StringEquals\":{\"iam:ServiceSpecificCredentialServiceName\":\"aws-external-anthropic.amazonaws.com\"},"
                    + "\"NumericLessThan\":{\"n\":5},\"Bool\":{\"b\":true},\"Null\":{\"x\":null}}}]}",
            "\n{\n  \"pretty\": [\n    1,\n    2\n  ],\n  \"o\": {\n    \"k\": \"v\"\n  }\n}\n");
    /** Repeated keys: the plain reading keeps the first position and the last value, the others reject. */
    private static final List<String> DUPLICATES = List.of(
            "{\"a\":1,\"b\":2,\"a\":3}", "{\"x\":{\"k\":1,\"k\":[2]},\"y\":0}", "[{\"a\":{},\"a\":{\"b\":1},\"c\":1}]");
    /** Something after the first value: read only by the strict reading. */
    private static final List<String> TRAILING = List.of(
            "{\"a\":1} {\"b\":2}", "{\"a\":1}]", "[1] x", "1 2", "\"a\" \"b\"", "{} null", "null null", "[] [");
    private static final List<String> INVALID = List.of(
            "{\"a\":}", "{\"a\":1,}", "[1,2", "{'a':1}", "NaN", "{\"a\":1", "01", "{a:1}", "[1 2]", "\"open",
            "{\"a\" 1}", "tru", "-", "1.", "\"\u0001\"", "{\"a\":1}}", "}", "]",
            "{\"a\":]", "[}", "{\"a\":1 \"b\":2}", "{\"a\":[1,}", "[1,]", "{\"a\":x}", "[x]", "{\"a\":{\"b\":}}");

    @Test
    void readsEveryDocumentAsTheMapperDid() throws Exception {
        List<String> all = new ArrayList<>();
        all.addAll(VALID);
        all.addAll(DUPLICATES);
        all.addAll(TRAILING);
        all.addAll(INVALID);
        all.addAll(List.of("", "   ", "\n\t"));
        for (String text : all) {
            for (Reading reading : Reading.values()) {
                assertSameRead(text, reading, false);
                assertSameRead(text, reading, true);
            }
        }
    }

    @Test
    void emptyInputIsAMissingNodeAndNullANullNode() throws Exception {
        assertThat(JsonTrees.read("  ", Reading.STRICT).isMissingNode()).isTrue();
        assertThat(JsonTrees.read("null", Reading.STRICT).isNull()).isTrue();
    }

    @Test
    void duplicateKeysAreRejectedUnlessPlain() throws Exception {
        for (String text : DUPLICATES) {
            assertThatThrownBy(() -> JsonTrees.read(text, Reading.UNIQUE_KEYS)).hasMessageContaining("Duplicate field");
            assertThatThrownBy(() -> JsonTrees.read(text, Reading.STRICT)).hasMessageContaining("Duplicate field");
        }
        // The plain reading: first position, last value.
        assertThat(JsonTrees.compact(JsonTrees.read(DUPLICATES.get(0), Reading.PLAIN))).isEqualTo("{\"a\":3,\"b\":2}");
    }

    @Test
    void trailingTokensAreAnErrorOnlyWhenStrict() throws Exception {
        for (String text : TRAILING) {
            assertThat(JsonTrees.read(text, Reading.UNIQUE_KEYS)).isEqualTo(PLAIN.readTree(text));
            assertThatThrownBy(() -> JsonTrees.read(text, Reading.STRICT)).isInstanceOf(JsonProcessingException.class);
        }
        assertThat(JsonTrees.read("{\"a\":1}  \n", Reading.STRICT)).isEqualTo(PLAIN.readTree("{\"a\":1}"));
    }

    @Test
    void numbersGetTheMappersNodeTypes() throws Exception {
        JsonNode n = JsonTrees.read("[1,2147483648,9223372036854775808,0.5,1e400]", Reading.PLAIN);
        assertThat(n.get(0).isInt()).isTrue();
        assertThat(n.get(1).isLong()).isTrue();
        assertThat(n.get(2).isBigInteger()).isTrue();
        assertThat(n.get(3).isDouble()).isTrue();
        assertThat(n.get(4).isDouble()).isTrue();
    }

    @Test
    void readsTheServiceReferenceStreamAsTheMapperDid() throws Exception {
        String resource = "/io/claudebaseline/facts/service-reference.json";
        JsonNode ours;
        JsonNode theirs;
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            ours = JsonTrees.read(in, Reading.PLAIN);
        }
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            theirs = new ObjectMapper().readTree(in);
        }
        assertThat(ours).isEqualTo(theirs);
        assertThat(JsonTrees.compact(ours)).isEqualTo(PLAIN.writeValueAsString(theirs));
    }

    @Test
    void writesEveryParsedDocumentAsTheMapperDid() throws Exception {
        List<String> all = new ArrayList<>(VALID);
        all.addAll(DUPLICATES);
        for (String text : all) {
            assertSameWrite(PLAIN.readTree(text));
        }
    }

    @Test
    void writesNodesThatParsingNeverMakesAsTheMapperDid() throws Exception {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("short", (short) 7).put("float", 1.25f).put("floatFraction", 0.1f).put("long", 5L)
                .put("decimal", new BigDecimal("1.50")).put("decimalExp", new BigDecimal("1E+3"))
                .put("bigint", new BigInteger("-123456789012345678901234567890")).put("nan", Double.NaN)
                .put("inf", Double.NEGATIVE_INFINITY).putNull("null").put("t", true);
        o.set("missing", f.missingNode());
        o.set("empty", f.objectNode());
        ArrayNode a = o.putArray("array");
        a.add(f.arrayNode()).add(f.objectNode().put("x", "y")).add(f.nullNode()).add("\u00e9\t");
        assertSameWrite(o);
        assertSameWrite(f.arrayNode());
        assertSameWrite(f.textNode("root \"text\""));
    }

    @Test
    void onePrinterServesManyWrites() {
        JsonNode node = JsonNodeFactory.instance.objectNode().set("a", JsonNodeFactory.instance.arrayNode().add(1));
        String first = JsonTrees.write(node, REVIEW);
        assertThat(JsonTrees.write(node, REVIEW)).isEqualTo(first).isEqualTo("{\n  \"a\": [\n    1\n  ]\n}");
    }

    private static void assertSameWrite(JsonNode node) throws Exception {
        assertThat(JsonTrees.compact(node)).as("compact").isEqualTo(PLAIN.writeValueAsString(node)).isEqualTo(node.toString());
        assertThat(JsonTrees.write(node, null)).as("no printer").isEqualTo(PLAIN.writeValueAsString(node));
        assertThat(JsonTrees.write(node, REVIEW)).as("review printer").isEqualTo(PLAIN.writer(REVIEW).writeValueAsString(node));
        assertThat(JsonTrees.write(node, new DefaultPrettyPrinter())).as("default printer")
                .isEqualTo(PLAIN.writerWithDefaultPrettyPrinter().writeValueAsString(node)).isEqualTo(node.toPrettyString());
    }

    /** As text, or as UTF-8 bytes (a stream gets another parser, with its own messages). */
    private static void assertSameRead(String text, Reading reading, boolean stream) throws Exception {
        String what = reading + (stream ? " stream " : " ") + text;
        JsonNode expected = null;
        JsonProcessingException expectedError = null;
        try {
            expected = stream ? ORACLES.get(reading).readTree(utf8(text)) : ORACLES.get(reading).readTree(text);
        } catch (JsonProcessingException e) {
            expectedError = e;
        }
        JsonNode actual = null;
        JsonProcessingException actualError = null;
        try {
            actual = stream ? JsonTrees.read(utf8(text), reading) : JsonTrees.read(text, reading);
        } catch (JsonProcessingException e) {
            actualError = e;
        }
        if (expectedError != null) {
            assertThat(actualError).as(what).isNotNull();
            assertThat(actualError.getClass()).as(what).isEqualTo(expectedError.getClass());
            assertThat(actualError.getOriginalMessage()).as(what).isEqualTo(expectedError.getOriginalMessage());
            assertThat(location(actualError)).as(what).isEqualTo(location(expectedError));
            return;
        }
        assertThat(actualError).as(what).isNull();
        assertThat(actual).as(what).isEqualTo(expected);
        assertThat(actual.getNodeType()).as(what).isEqualTo(expected.getNodeType());
        if (!actual.isMissingNode()) {
            // equals ignores member order; the text does not
            assertThat(JsonTrees.compact(actual)).as(what).isEqualTo(PLAIN.writeValueAsString(expected));
        }
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String location(JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        return l == null ? "none" : l.getLineNr() + ":" + l.getColumnNr() + ":" + l.getCharOffset();
    }
}

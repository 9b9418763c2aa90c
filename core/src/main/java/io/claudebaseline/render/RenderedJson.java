package io.claudebaseline.render;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Parses what a JSON template rendered, strictly (duplicate keys and trailing tokens are errors), and prints
 * JSON for review. Every JSON artifact goes through here before it is used or written.
 */
public final class RenderedJson {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final ObjectMapper PLAIN = JsonMapper.builder().build();
    /** Two-space indent, one array element per line, {@code "key": value}, '\n' line ends on every platform. */
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));

    private RenderedJson() {}

    /** Parses the output of {@code template}; a failure is the template's fault and says so. */
    public static JsonNode parse(String text, String template) {
        try {
            JsonNode node = STRICT.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new TemplateException("template " + template + " rendered no JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new TemplateException("template " + template + " rendered invalid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")\n" + text, e);
        }
    }

    /** Indented JSON for files people review, ending in a newline. */
    public static String pretty(JsonNode node) {
        try {
            return PLAIN.writer(PRINTER).writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON", e);
        }
    }
}

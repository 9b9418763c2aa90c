package io.claudebaseline.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import io.claudebaseline.json.JsonTrees;

/**
 * Parses what a JSON template rendered, strictly (duplicate keys and trailing tokens are errors), and prints
 * JSON for review. Every JSON artifact goes through here before it is used or written.
 */
public final class RenderedJson {
    /** Two-space indent, one array element per line, {@code "key": value}, '\n' line ends on every platform. */
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));

    private RenderedJson() {}

    /** Parses the output of {@code template}; a failure is the template's fault and says so. */
    public static JsonNode parse(String text, String template) {
        try {
            JsonNode node = JsonTrees.read(text, JsonTrees.Reading.STRICT);
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
        return JsonTrees.write(node, PRINTER) + "\n";
    }
}

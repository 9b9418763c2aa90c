package io.claudebaseline.config;

import java.util.List;

/**
 * Checks on the raw text of a config, before any parser sees it, identical for YAML and JSON: the size limit, a
 * leading byte-order mark, and characters no config holds (a NUL is reported at its own line, not where a parser
 * happened to notice it).
 */
final class ConfigText {

    private ConfigText() {}

    static String prepare(String text, boolean json) throws ConfigException {
        if (text.length() > ConfigLimits.MAX_FILE_BYTES) {
            throw tooLarge(text.length() + " characters");
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        refuseControlCharacters(body);
        if (!json) {
            refuseLongLines(body);
        }
        return json ? body : blankWhitespaceOnlyLines(body);
    }

    private static void refuseLongLines(String text) throws ConfigException {
        int line = 1;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            int stop = end < 0 ? text.length() : end;
            if (stop - start > ConfigLimits.MAX_YAML_LINE_LENGTH) {
                throw ConfigTree.fail("", "line " + line + " has " + (stop - start) + " characters, more than the limit of "
                        + ConfigLimits.MAX_YAML_LINE_LENGTH + " characters for one line of YAML; wrap long lists over several lines");
            }
            if (end < 0) {
                break;
            }
            line++;
            start = end + 1;
        }
    }

    static ConfigException tooLarge(String size) {
        return ConfigTree.fail("", "the config is " + size + ", larger than the limit of " + ConfigLimits.MAX_FILE_BYTES / (1024 * 1024)
                + " MiB (" + ConfigLimits.MAX_FILE_BYTES + " bytes) for a config file; a baseline of 10,000 workspaces takes about 2 MiB, "
                + "so check that this is the right file");
    }

    /** YAML's printable set, which JSON text also keeps to outside escapes: no C0/C1 controls but tab, LF, CR and NEL. */
    private static void refuseControlCharacters(String text) throws ConfigException {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
                continue;
            }
            boolean control = c < 0x20 && c != '\t' && c != '\r' || c >= 0x7F && c <= 0x9F && c != 0x85 || c == 0xFFFE || c == 0xFFFF;
            if (control) {
                throw new ConfigException("", List.of(Problem.error("", String.format("control character U+%04X%s at line %d, column %d: "
                        + "a config is plain text; remove it (a NUL usually means the file was saved as UTF-16 or is not a config)",
                        (int) c, c == 0 ? " (NUL)" : "", line, column))));
            }
            column++;
        }
    }

    /**
     * A line of only spaces and tabs is blank to a reader (and to YAML 1.2), but SnakeYAML stops at the tab; such
     * lines are emptied, which keeps every line number as it was.
     */
    private static String blankWhitespaceOnlyLines(String text) {
        if (text.indexOf('\t') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            int stop = end < 0 ? text.length() : end;
            String line = text.substring(start, stop);
            String content = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (content.indexOf('\t') >= 0 && content.isBlank()) {
                out.append(line.endsWith("\r") ? "\r" : "");
            } else {
                out.append(line);
            }
            if (end < 0) {
                break;
            }
            out.append('\n');
            start = end + 1;
        }
        return out.toString();
    }
}

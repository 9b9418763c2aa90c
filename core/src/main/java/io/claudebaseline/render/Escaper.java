package io.claudebaseline.render;

/**
 * How a value is escaped for the language a template writes. Chosen by the template's file name
 * ({@code *.json.mustache}, {@code *.tf.mustache}); Mustache's HTML escaping is never used, because an
 * {@code &amp;} in a policy ARN or a Terraform tag would change the value.
 */
public enum Escaper {
    /** The inside of a JSON string literal (RFC 8259): the template supplies the quotes. */
    JSON {
        @Override
        public String escape(String value) {
            StringBuilder sb = new StringBuilder(value.length() + 8);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    case '\b' -> sb.append("\\b");
                    case '\f' -> sb.append("\\f");
                    default -> {
                        if (c < 0x20) {
                            unicode(sb, c);
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            return sb.toString();
        }
    },
    /**
     * The inside of an HCL quoted template string (hclsyntax spec, "Template Literals"): backslash escapes
     * for quotes, backslashes and control characters, and {@code $${} / {@code %%{} so that a literal
     * {@code ${} or {@code %{} in a value never becomes an interpolation or a directive.
     */
    HCL {
        @Override
        public String escape(String value) {
            StringBuilder sb = new StringBuilder(value.length() + 8);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean braceNext = i + 1 < value.length() && value.charAt(i + 1) == '{';
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    case '$' -> sb.append(braceNext ? "$$" : "$");
                    case '%' -> sb.append(braceNext ? "%%" : "%");
                    default -> {
                        if (c < 0x20 || c == 0x7f) {
                            unicode(sb, c);
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            return sb.toString();
        }
    };

    /** The value, escaped to sit between the double quotes the template writes around it. */
    public abstract String escape(String value);

    /** The escaper for a template file name, or an exception naming the accepted suffixes. */
    public static Escaper forTemplate(String fileName) {
        if (fileName.endsWith(".json.mustache")) {
            return JSON;
        }
        if (fileName.endsWith(".tf.mustache")) {
            return HCL;
        }
        throw new IllegalArgumentException("template " + fileName
                + " must end in .json.mustache or .tf.mustache (that decides how values are escaped)");
    }

    private static void unicode(StringBuilder sb, char c) {
        sb.append(String.format("\\u%04x", (int) c));
    }
}

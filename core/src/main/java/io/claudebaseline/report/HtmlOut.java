package io.claudebaseline.report;

/**
 * A minimal HTML builder: every piece of text passes through {@link #esc}, and tag and class names come only from
 * this package's code, so no value from AWS or the config can open markup. No inline style or script is ever
 * written (Jenkins serves artifacts under a CSP that blocks both).
 */
final class HtmlOut {
    private final StringBuilder sb = new StringBuilder(64 * 1024);

    /** {@code <tag class="cls">}; {@code cls} may be null. */
    HtmlOut open(String tag, String cls) {
        sb.append('<').append(tag);
        if (cls != null && !cls.isEmpty()) {
            sb.append(" class=\"").append(esc(cls)).append('"');
        }
        sb.append('>');
        return this;
    }

    /** An opening tag with literal attributes written by this package (never user values unescaped). */
    HtmlOut openWith(String tag, String cls, String name, String value) {
        sb.append('<').append(tag);
        if (cls != null && !cls.isEmpty()) {
            sb.append(" class=\"").append(esc(cls)).append('"');
        }
        sb.append(' ').append(name).append("=\"").append(esc(value)).append("\">");
        return this;
    }

    HtmlOut close(String tag) {
        sb.append("</").append(tag).append('>');
        return this;
    }

    HtmlOut text(Object value) {
        sb.append(esc(value == null ? "" : String.valueOf(value)));
        return this;
    }

    /** {@code <tag class="cls">text</tag>}. */
    HtmlOut el(String tag, String cls, Object text) {
        return open(tag, cls).text(text).close(tag);
    }

    HtmlOut nl() {
        sb.append('\n');
        return this;
    }

    /** Markup this package wrote itself (a fixed tag such as {@code <br>}). */
    HtmlOut markup(String fixed) {
        sb.append(fixed);
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    /**
     * Escapes text for element content and quoted attribute values. Characters HTML forbids (C0 controls other
     * than tab and line breaks, lone surrogates, non-characters) become U+FFFD, so the page stays well-formed.
     */
    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(ch).append(s.charAt(++i));
                    } else if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || (ch >= 0x7F && ch <= 0x9F)
                            || Character.isSurrogate(ch) || ch == 0xFFFE || ch == 0xFFFF) {
                        out.append('\uFFFD');
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}

package io.claudebaseline.render;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A lexical check of rendered Terraform, run before anything is written: quoted strings end on their line and
 * use only HCL's escapes, interpolations close, and brackets balance. It cannot prove the file parses (the
 * tests run HashiCorp's parser on every template), but it stops the mistakes escaping exists to prevent,
 * e.g. a value with a quote, a newline or an unclosed {@code ${} leaking into the syntax.
 */
final class HclSyntaxCheck {
    private static final java.util.regex.Pattern HEREDOC = java.util.regex.Pattern.compile("<<-?([A-Za-z_][A-Za-z0-9_-]*)\r?\n");

    private HclSyntaxCheck() {}

    /** Throws {@link TemplateException} naming the template, line and problem. */
    static void check(String text, String template) {
        Deque<Character> stack = new ArrayDeque<>();
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            boolean inString = !stack.isEmpty() && stack.peek() == '"';
            if (inString) {
                if (c == '\n') {
                    fail(template, line, "a quoted string runs past the end of the line");
                } else if (c == '\\') {
                    if (i + 1 >= n) fail(template, line, "a backslash ends the file");
                    char e = text.charAt(i + 1);
                    if (e == 'u' || e == 'U') {
                        int digits = e == 'u' ? 4 : 8;
                        if (i + 2 + digits > n || !text.substring(i + 2, i + 2 + digits).matches("[0-9A-Fa-f]+")) {
                            fail(template, line, "\\" + e + " needs " + digits + " hex digits");
                        }
                        i += 2 + digits;
                        continue;
                    }
                    if ("nrt\"\\".indexOf(e) < 0) fail(template, line, "unknown escape \\" + e);
                    i += 2;
                    continue;
                } else if ((c == '$' || c == '%') && i + 1 < n && text.charAt(i + 1) == c && i + 2 < n && text.charAt(i + 2) == '{') {
                    i += 3; // $${ and %%{ are literal text
                    continue;
                } else if ((c == '$' || c == '%') && i + 1 < n && text.charAt(i + 1) == '{') {
                    stack.push('T'); // template interpolation/directive: an expression until its '}'
                    i += 2;
                    continue;
                } else if (c == '"') {
                    stack.pop();
                }
                i++;
                continue;
            }
            if (c == '<' && text.startsWith("<<", i)) {
                java.util.regex.Matcher heredoc = HEREDOC.matcher(text).region(i, n);
                if (heredoc.lookingAt()) {
                    // A heredoc's body is template text up to the line holding only its marker; skip it whole.
                    String marker = heredoc.group(1);
                    int at = heredoc.end();
                    line++;
                    while (true) {
                        int end = text.indexOf('\n', at);
                        if (end < 0) fail(template, line, "heredoc <<" + marker + " is never closed");
                        if (text.substring(at, end).trim().equals(marker)) {
                            i = end;
                            break;
                        }
                        at = end + 1;
                        line++;
                    }
                    continue;
                }
            }
            switch (c) {
                case '\n' -> line++;
                case '#' -> {
                    while (i < n && text.charAt(i) != '\n') i++;
                    continue;
                }
                case '"' -> stack.push('"');
                case '{', '[', '(' -> stack.push(c);
                case '}' -> {
                    if (stack.isEmpty() || (stack.peek() != '{' && stack.peek() != 'T')) fail(template, line, "unbalanced '}'");
                    stack.pop();
                }
                case ']' -> {
                    if (stack.isEmpty() || stack.peek() != '[') fail(template, line, "unbalanced ']'");
                    stack.pop();
                }
                case ')' -> {
                    if (stack.isEmpty() || stack.peek() != '(') fail(template, line, "unbalanced ')'");
                    stack.pop();
                }
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\r') fail(template, line, "control character U+" + String.format("%04X", (int) c));
                }
            }
            i++;
        }
        if (!stack.isEmpty()) {
            char open = stack.peek();
            fail(template, line, open == 'T' ? "an interpolation (${ or %{) is never closed: a value's ${ or %{ was not escaped"
                    : open == '"' ? "a quoted string is never closed" : "unclosed '" + open + "'");
        }
    }

    private static void fail(String template, int line, String problem) {
        throw new TemplateException("template " + template + " rendered invalid Terraform at line " + line + ": " + problem);
    }
}

package io.claudebaseline.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compiled IAM wildcard pattern: {@code *} matches any run of characters (including none), {@code ?} exactly
 * one character; everything else is literal. A pattern can also carry literal {@code *}/{@code ?} characters
 * (from the {@code ${*}}/{@code ${?}} policy-variable escapes), which is why it is a sequence of elements and
 * not a string.
 *
 * <p>Matching is linear-time two-pointer backtracking over the last {@code *}, so hostile patterns cannot blow
 * up the way a naively translated regular expression can.
 */
public final class WildcardMatcher {
    private static final int STAR = -1;
    private static final int ONE = -2;

    private final int[] elements;
    private final String source;
    private final boolean matchesNothing;

    private WildcardMatcher(int[] elements, String source, boolean matchesNothing) {
        this.elements = elements;
        this.source = source;
        this.matchesNothing = matchesNothing;
    }

    /** Compiles {@code pattern}: every {@code *} and {@code ?} is a wildcard. */
    public static WildcardMatcher compile(String pattern) {
        return new Builder().wildcardText(pattern).build(pattern);
    }

    /** A pattern that matches no value (an unresolvable policy variable: AWS finds no match either). */
    public static WildcardMatcher never(String source) {
        return new WildcardMatcher(new int[0], source, true);
    }

    /** Case-sensitive match of the whole value. */
    public boolean matches(String value) {
        return matches(value, false);
    }

    /** Match of the whole value, optionally ignoring case. */
    public boolean matches(String value, boolean ignoreCase) {
        return value != null && matches(value, 0, value.length(), ignoreCase);
    }

    /**
     * Match of the characters {@code from} (inclusive) to {@code to} (exclusive) of {@code value}, as if they were
     * the whole value: ARN components are matched in place, without splitting the ARN into new strings.
     */
    public boolean matches(String value, int from, int to, boolean ignoreCase) {
        if (matchesNothing || value == null) {
            return false;
        }
        int p = 0;
        int v = from;
        int starP = -1;
        int starV = from;
        int n = to;
        while (v < n) {
            if (p < elements.length && elements[p] != STAR
                    && (elements[p] == ONE || same(elements[p], value.charAt(v), ignoreCase))) {
                p++;
                v++;
            } else if (p < elements.length && elements[p] == STAR) {
                starP = p++;
                starV = v;
            } else if (starP >= 0) {
                p = starP + 1;
                v = ++starV;
            } else {
                return false;
            }
        }
        while (p < elements.length && elements[p] == STAR) {
            p++;
        }
        return p == elements.length;
    }

    /** The pattern read with no wildcards at all (what StringEquals compares against). */
    public String literalText() {
        if (matchesNothing) {
            return null;
        }
        StringBuilder sb = new StringBuilder(elements.length);
        for (int e : elements) {
            sb.append(e == STAR ? '*' : e == ONE ? '?' : (char) e);
        }
        return sb.toString();
    }

    /** True when the pattern can never match (an unresolved policy variable). */
    public boolean matchesNothing() {
        return matchesNothing;
    }

    /**
     * Splits on a literal separator character, at most {@code limit} parts (the last part keeps the rest, like
     * {@link String#split(String, int)} with a positive limit). Used for ARN components.
     */
    public List<WildcardMatcher> split(char separator, int limit) {
        List<WildcardMatcher> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < elements.length && parts.size() < limit - 1; i++) {
            if (elements[i] == separator) {
                parts.add(new WildcardMatcher(Arrays.copyOfRange(elements, start, i), source, matchesNothing));
                start = i + 1;
            }
        }
        parts.add(new WildcardMatcher(Arrays.copyOfRange(elements, start, elements.length), source, matchesNothing));
        return parts;
    }

    private static boolean same(int patternChar, char valueChar, boolean ignoreCase) {
        if (patternChar == valueChar) {
            return true;
        }
        if (!ignoreCase) {
            return false;
        }
        char pc = (char) patternChar;
        return Character.toLowerCase(pc) == Character.toLowerCase(valueChar)
                || Character.toUpperCase(pc) == Character.toUpperCase(valueChar);
    }

    /** The policy text this pattern was compiled from (with variables unresolved). */
    @Override
    public String toString() {
        return source;
    }

    /** Builds a pattern from wildcard text and literal text (resolved variables, escapes). */
    static final class Builder {
        private final StringBuilder raw = new StringBuilder();
        private int[] buf = new int[16];
        private int size;

        Builder wildcardText(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                add(c == '*' ? STAR : c == '?' ? ONE : c);
            }
            raw.append(text);
            return this;
        }

        Builder literal(String text) {
            for (int i = 0; i < text.length(); i++) {
                add(text.charAt(i));
            }
            raw.append(text);
            return this;
        }

        private void add(int e) {
            if (size == buf.length) {
                buf = Arrays.copyOf(buf, size * 2);
            }
            buf[size++] = e;
        }

        WildcardMatcher build(String source) {
            return new WildcardMatcher(Arrays.copyOf(buf, size), source, false);
        }
    }
}

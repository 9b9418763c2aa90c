package io.claudebaseline.org;

import java.util.regex.Pattern;

/**
 * An IAM-style name pattern: {@code *} matches any run of characters, {@code ?} exactly one, everything else
 * itself (case-sensitive, as the SCP's {@code ArnLike} condition matches). Used to spot shadow users such as
 * {@code AeaApiKey-*}.
 */
final class NamePattern {
    private final String source;
    private final Pattern regex;

    NamePattern(String glob) {
        this.source = glob;
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            re.append(Pattern.quote(literal.toString()));
        }
        this.regex = Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    boolean matches(String name) {
        return name != null && regex.matcher(name).matches();
    }

    @Override
    public String toString() {
        return source;
    }
}

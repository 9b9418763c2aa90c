package io.claudebaseline.live;

import java.util.regex.Pattern;

/**
 * The shadow-user name pattern of the config ({@code AeaApiKey-*}): {@code *} matches any run of characters and
 * {@code ?} exactly one, as in the SCP's IAM ARN pattern; everything else is literal. Matched against user names.
 */
public final class ShadowUserPattern {
    private final Pattern regex;

    public ShadowUserPattern(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        this.regex = Pattern.compile(sb.toString(), Pattern.DOTALL);
    }

    public boolean matches(String userName) {
        return userName != null && regex.matcher(userName).matches();
    }
}

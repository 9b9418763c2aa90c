package io.claudebaseline.simulate;

import io.claudebaseline.eval.ArnMatcher;
import io.claudebaseline.eval.WildcardMatcher;
import java.util.List;
import java.util.Optional;

/**
 * Concrete values for scenarios whose config holds patterns: a request names one principal, one user, one
 * workspace ARN, so wildcards are replaced by example text and the result is checked against the pattern.
 */
final class ExampleValues {
    /** The account id AWS documentation uses in examples; used when the config names no concrete account. */
    static final String EXAMPLE_ACCOUNT = "111122223333";
    /** Region used for a workspace whose config leaves the region open ('*'). */
    static final String EXAMPLE_REGION = "us-east-1";

    private static final String STAR_TEXT = "example";
    private static final String USER_SUFFIX_CHARS = "a1b2c3d4e5f6g7h8i9j0";

    private ExampleValues() {}

    /**
     * A concrete principal ARN matching {@code pattern} (as ArnLike matches it): {@code *} and {@code ?} in the
     * account become digits of {@code account}-like text, elsewhere {@code example} and {@code x}. Empty when no
     * such ARN can be built.
     */
    static Optional<String> principalFor(String pattern, String account, String partition) {
        if (pattern == null) {
            return Optional.empty();
        }
        String[] parts = pattern.split(":", 6);
        if (parts.length != 6) {
            return Optional.empty();
        }
        String part = hasWildcard(parts[1]) ? partition : parts[1];
        String service = hasWildcard(parts[2]) ? "iam" : parts[2];
        String region = hasWildcard(parts[3]) ? "" : parts[3];
        String acct = exampleAccount(parts[4], account);
        String resource = parts[5].replace("*", STAR_TEXT).replace('?', 'x');
        String arn = String.join(":", parts[0], part, service, region, acct, resource);
        return ArnMatcher.arnLike(pattern, arn) ? Optional.of(arn) : Optional.empty();
    }

    private static String exampleAccount(String accountPattern, String preferred) {
        if (!hasWildcard(accountPattern)) {
            return accountPattern;
        }
        if (WildcardMatcher.compile(accountPattern).matches(preferred)) {
            return preferred;
        }
        // Fill '?' with 1 and grow the first '*' so the result has the 12 digits of an account id.
        String fixed = accountPattern.replace('?', '1');
        int stars = fixed.indexOf('*');
        String noStars = fixed.replace("*", "");
        if (stars < 0) {
            return noStars;
        }
        String padding = "1".repeat(Math.max(0, 12 - noStars.length()));
        return noStars.substring(0, stars) + padding + noStars.substring(stars);
    }

    /** A user name matching {@code pattern}: {@code ?} → successive letters/digits, {@code *} → {@code x9y8}. */
    static String userNameFor(String pattern) {
        StringBuilder sb = new StringBuilder();
        int next = 0;
        for (char c : pattern.toCharArray()) {
            if (c == '?') {
                sb.append(USER_SUFFIX_CHARS.charAt(next++ % USER_SUFFIX_CHARS.length()));
            } else if (c == '*') {
                sb.append("x9y8");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The first candidate for which {@code acceptable} holds. */
    static Optional<String> firstOf(List<String> candidates, java.util.function.Predicate<String> acceptable) {
        return candidates.stream().filter(acceptable).findFirst();
    }

    static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }
}

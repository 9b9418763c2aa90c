package io.claudebaseline.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;

class WildcardAndArnMatcherTest {

    @Test
    void starMatchesAnyRunIncludingEmptyAndQuestionMarkExactlyOne() {
        WildcardMatcher m = WildcardMatcher.compile("a*b?c");
        assertThat(m.matches("abxc")).isTrue();
        assertThat(m.matches("a123bxc")).isTrue();
        assertThat(m.matches("abc")).isFalse();
        assertThat(m.matches("abxxc")).isFalse();
        assertThat(WildcardMatcher.compile("*").matches("")).isTrue();
        assertThat(WildcardMatcher.compile("").matches("x")).isFalse();
    }

    @Test
    void backtracksOverSeveralStars() {
        assertThat(WildcardMatcher.compile("*a*a*a").matches("banana-a")).isTrue();
        assertThat(WildcardMatcher.compile("*ab*ab").matches("abab-ab")).isTrue();
        assertThat(WildcardMatcher.compile("*ab*abc").matches("abab-ab")).isFalse();
    }

    @Test
    void pathologicalPatternStaysFast() {
        // A naive regex translation backtracks exponentially on this; the two-pointer matcher is linear-ish.
        String value = "a".repeat(5_000);
        assertThat(WildcardMatcher.compile("*a*a*a*a*a*a*a*a*b").matches(value)).isFalse();
    }

    @Test
    void ignoreCaseOnlyWhenAsked() {
        assertThat(WildcardMatcher.compile("IAM:Create*").matches("iam:createuser")).isFalse();
        assertThat(WildcardMatcher.compile("IAM:Create*").matches("iam:createuser", true)).isTrue();
    }

    @Test
    void literalPartsFromVariablesAreNotWildcards() {
        Request r = new Request("arn:aws:iam::111122223333:user/a", "s3:GetObject", "*",
                Map.of("aws:PrincipalTag/team", List.of("x*")));
        WildcardMatcher m = PolicyVariables.resolve("${aws:PrincipalTag/team}", r, true);
        assertThat(m.matches("x*")).isTrue();
        assertThat(m.matches("xyz")).isFalse();
        assertThat(PolicyVariables.resolve("${aws:PrincipalTag/team}", r, false).matches("${aws:PrincipalTag/team}")).isTrue();
        assertThat(PolicyVariables.resolve("${aws:PrincipalTag/missing}", r, true).matches("")).isFalse();
        assertThat(PolicyVariables.resolve("${aws:PrincipalTag/missing, 'it''s'}", r, true).matches("it's")).isTrue();
        assertThat(PolicyVariables.resolve("a${$}{b}", r, true).matches("a${b}")).isTrue();
    }

    @Test
    void arnLikeMatchesComponentsSeparately() {
        assertThat(ArnMatcher.arnLike("arn:aws:iam::*:role/BreakGlassAdmin", "arn:aws:iam::444455556666:role/BreakGlassAdmin")).isTrue();
        assertThat(ArnMatcher.arnLike("arn:aws:iam::*:role/*", "arn:aws:iam::444455556666:role/path/x")).isTrue();
        // '*' in the account component cannot absorb the colon-separated rest
        assertThat(ArnMatcher.arnLike("arn:aws:iam::*", "arn:aws:iam::444455556666:role/x")).isFalse();
        assertThat(ArnMatcher.arnLike("arn:aws:iam::*:role/x", "not-an-arn")).isFalse();
        // the resource component keeps further colons
        assertThat(ArnMatcher.arnLike("arn:aws:logs:*:*:log-group:*", "arn:aws:logs:us-east-1:111122223333:log-group:g:*")).isTrue();
    }

    @Test
    void resourceMatchingSpansColonsAndSlashes() {
        assertThat(ArnMatcher.resourceMatches(WildcardMatcher.compile("arn:aws:iam::*"), "arn:aws:iam::444455556666:user/a/b")).isTrue();
        assertThat(ArnMatcher.resourceMatches(WildcardMatcher.compile("arn:aws:iam::*:user/a"), "arn:aws:iam::444455556666:user/A")).isFalse();
    }

    @Test
    void aRegionMatchesAsTheSameCharactersCutOutWould() {
        java.util.Random random = new java.util.Random(11);
        String alphabet = "ab:*?";
        int matched = 0;
        for (int round = 0; round < 4000; round++) {
            String pattern = randomText(random, "ab*?", 5);
            String value = randomText(random, alphabet, 9);
            int from = random.nextInt(value.length() + 1);
            int to = from + random.nextInt(value.length() - from + 1);
            WildcardMatcher m = WildcardMatcher.compile(pattern);
            boolean whole = m.matches(value.substring(from, to), false);
            assertThat(m.matches(value, from, to, false)).as("%s on [%d,%d) of %s", pattern, from, to, value).isEqualTo(whole);
            matched += whole ? 1 : 0;
        }
        assertThat(matched).as("both outcomes occur").isBetween(200, 3800);
    }

    @Test
    void compiledArnLikeMatchesAsSplittingTheValueWould() {
        java.util.Random random = new java.util.Random(12);
        List<String> patterns = List.of("arn:aws:iam::*:role/*", "arn:aws:iam::111122223333:role/a:b", "arn:*:iam::*:*",
                "arn:aws:logs:*:*:log-group:*", "arn:aws:iam::*", "*:*:*:*:*:*", "arn:aws:iam:::role/");
        int matched = 0;
        for (int round = 0; round < 3000; round++) {
            String value = randomArn(random);
            for (String pattern : patterns) {
                boolean expected = splitArnLike(pattern, value);
                assertThat(ArnMatcher.compileArnLike(WildcardMatcher.compile(pattern)).matches(value)).as("%s against %s", pattern, value)
                        .isEqualTo(expected);
                matched += expected ? 1 : 0;
            }
        }
        assertThat(matched).as("both outcomes occur").isBetween(500, 20000);
    }

    /** The ARN condition match as String.split would cut the value: six components, the last keeping its colons. */
    private static boolean splitArnLike(String pattern, String value) {
        String[] p = pattern.split(":", 6);
        String[] v = value.split(":", 6);
        if (p.length != 6 || v.length != 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            if (!WildcardMatcher.compile(p[i]).matches(v[i])) {
                return false;
            }
        }
        return true;
    }

    private static String randomArn(java.util.Random random) {
        List<String> pieces = List.of("arn", "aws", "iam", "", "111122223333", "role/a", "role/a:b", "log-group", "b", "*");
        StringBuilder sb = new StringBuilder();
        int n = 3 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ":").append(pieces.get(random.nextInt(pieces.size())));
        }
        return sb.toString();
    }

    private static String randomText(java.util.Random random, String alphabet, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(max + 1); i > 0; i--) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}

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
}

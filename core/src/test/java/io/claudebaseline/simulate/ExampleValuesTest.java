package io.claudebaseline.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.eval.ArnMatcher;
import io.claudebaseline.eval.WildcardMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExampleValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "arn:aws:iam::111122223333:role/claude-prod-deployer",
        "arn:aws:iam::*:role/BreakGlassAdmin",
        "arn:aws:iam::111122223333:role/claude-research-*",
        "arn:aws:iam::12*:role/x",
        "arn:aws:iam::1111????3333:user/ops/?dmin",
        "arn:aws:iam::*:role/*/deployer",
        "arn:aws-us-gov:iam::*:role/x"})
    void derivedPrincipalMatchesItsPatternAndIsConcrete(String pattern) {
        String arn = ExampleValues.principalFor(pattern, "111122223333", "aws").orElseThrow();
        assertThat(ArnMatcher.arnLike(pattern, arn)).isTrue();
        assertThat(ExampleValues.hasWildcard(arn)).isFalse();
        assertThat(arn.split(":")[4]).matches("\\d{12}");
    }

    @Test
    void prefersTheGivenAccountAndKeepsConcreteArnsAsTheyAre() {
        assertThat(ExampleValues.principalFor("arn:aws:iam::*:role/BreakGlassAdmin", "444455556666", "aws"))
                .contains("arn:aws:iam::444455556666:role/BreakGlassAdmin");
        assertThat(ExampleValues.principalFor("arn:aws:iam::111122223333:role/x", "444455556666", "aws"))
                .contains("arn:aws:iam::111122223333:role/x");
        assertThat(ExampleValues.principalFor("not an arn", "444455556666", "aws")).isEmpty();
    }

    @Test
    void userNameMatchesItsPattern() {
        for (String pattern : new String[] {"AeaApiKey-*", "AeaApiKey-????????", "key-?-*"}) {
            String name = ExampleValues.userNameFor(pattern);
            assertThat(WildcardMatcher.compile(pattern).matches(name)).as(pattern + " -> " + name).isTrue();
            assertThat(ExampleValues.hasWildcard(name)).isFalse();
        }
        assertThat(ExampleValues.userNameFor("AeaApiKey-????????")).isEqualTo("AeaApiKey-a1b2c3d4");
    }
}

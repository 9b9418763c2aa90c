package io.claudebaseline.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamePatternTest {
    @Test
    void starAndQuestionMarkAreTheOnlyWildcards() {
        NamePattern any = new NamePattern("AeaApiKey-*");
        assertThat(any.matches("AeaApiKey-ab12")).isTrue();
        assertThat(any.matches("AeaApiKey-")).isTrue();
        assertThat(any.matches("aeaapikey-ab12")).isFalse(); // case-sensitive, as the SCP's ArnLike
        assertThat(any.matches("xAeaApiKey-ab12")).isFalse();

        NamePattern four = new NamePattern("AeaApiKey-????");
        assertThat(four.matches("AeaApiKey-ab12")).isTrue();
        assertThat(four.matches("AeaApiKey-ab123")).isFalse();

        NamePattern regexChars = new NamePattern("a.b+(c)*");
        assertThat(regexChars.matches("a.b+(c)")).isTrue();
        assertThat(regexChars.matches("aXb+(c)")).isFalse();
    }
}

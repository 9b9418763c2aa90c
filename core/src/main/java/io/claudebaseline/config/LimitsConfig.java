package io.claudebaseline.config;

import io.claudebaseline.facts.AwsFacts;

/**
 * AWS limits that AWS has changed before; the defaults live in {@link AwsFacts}.
 *
 * @param scpMaxCharacters maximum characters of one SCP as AWS counts them (minified)
 * @param scpMaxPerTarget  SCPs directly attached to one root/OU/account, FullAWSAccess included
 * @param selectorValuesMax values across all advanced event selector conditions of one trail
 */
public record LimitsConfig(Integer scpMaxCharacters, Integer scpMaxPerTarget, Integer selectorValuesMax) {
    public LimitsConfig {
        scpMaxCharacters = scpMaxCharacters == null ? AwsFacts.DEFAULT_SCP_MAX_CHARACTERS : scpMaxCharacters;
        scpMaxPerTarget = scpMaxPerTarget == null ? AwsFacts.DEFAULT_SCP_MAX_PER_TARGET : scpMaxPerTarget;
        selectorValuesMax = selectorValuesMax == null ? AwsFacts.CLOUDTRAIL_MAX_SELECTOR_VALUES : selectorValuesMax;
    }

    public static LimitsConfig defaults() {
        return new LimitsConfig(null, null, null);
    }
}

package io.claudebaseline.usage;

import io.claudebaseline.facts.AwsFacts;

/** How a call ended, as far as the allow-lists are concerned. */
enum Outcome {
    /** No error: the principal was authorised. */
    ALLOWED,
    /** Refused with an explicit deny in a service control policy: what the baseline's SCPs produce. */
    DENIED_BY_SCP,
    /** Refused for another reason (an identity policy, a permissions boundary, ...). */
    DENIED,
    /** Authorised, then failed for another reason (validation, throttling, ...): still a use of the workspace. */
    FAILED;

    static Outcome of(String errorCode, String errorMessage) {
        if (errorCode == null || errorCode.isBlank()) {
            return ALLOWED;
        }
        if (AwsFacts.ACCESS_DENIED_ERROR_CODES.contains(errorCode)) {
            return errorMessage != null && errorMessage.contains(AwsFacts.SCP_EXPLICIT_DENY_PHRASE) ? DENIED_BY_SCP : DENIED;
        }
        return FAILED;
    }

    /** True when the call got past authorisation, i.e. the principal really used its access. */
    boolean authorised() {
        return this == ALLOWED || this == FAILED;
    }

    boolean denied() {
        return this == DENIED_BY_SCP || this == DENIED;
    }
}

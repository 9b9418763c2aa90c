package io.claudebaseline.verify;

/**
 * Outcome of one check. FAIL makes the run non-compliant; WARN is reported but does not; EXCEPTED is a FAIL or WARN
 * finding that an exception of the config (with owner, reason and expiry) accepts for now: reported, never failing.
 */
public enum CheckStatus { PASS, WARN, FAIL, EXCEPTED }

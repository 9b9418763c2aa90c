package io.claudebaseline.verify;

/** Outcome of one check. FAIL makes the run non-compliant; WARN is reported but does not. */
public enum CheckStatus { PASS, WARN, FAIL }

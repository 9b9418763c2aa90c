package io.claudebaseline.engine.api;

/**
 * Process exit codes, shared by the CLI and (as build results) the Jenkins step. Modelled on Terraform's
 * {@code -detailed-exitcode}: 0 nothing to do, 2 something differs, 1 an error stopped the run.
 */
public final class ExitCode {
    private ExitCode() {}

    /** Compliant / no changes / all scenarios as expected / config valid. */
    public static final int OK = 0;
    /** An error stopped the run: invalid config, an AWS call that failed, a file that could not be written. */
    public static final int ERROR = 1;
    /** Not compliant (verify), changes pending (plan with --detailed-exitcode), a scenario failed (simulate). */
    public static final int DRIFT = 2;
    /** The command line itself is wrong (unknown option, missing argument). */
    public static final int USAGE = 64;
}

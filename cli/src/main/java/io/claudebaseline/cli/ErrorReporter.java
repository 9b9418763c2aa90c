package io.claudebaseline.cli;

import io.claudebaseline.aws.AwsOperationException;
import io.claudebaseline.config.ConfigException;
import io.claudebaseline.engine.api.ExitCode;
import io.claudebaseline.render.TemplateException;
import picocli.CommandLine;

/**
 * Turns the engine's exceptions, and usage errors, into one readable message and an exit code. Stack traces only with
 * {@code CLAUDE_BASELINE_DEBUG=1}: a user should see what to fix, not where the code was. The engine has already
 * passed each exception, causes included, through the run's redactor, so the stack trace shows no secret either.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler,
        CommandLine.IExitCodeExceptionMapper {

    /** Environment variable: {@code 1} prints the stack trace (with its causes) after the error message. */
    static final String DEBUG = "CLAUDE_BASELINE_DEBUG";

    private final boolean debug;

    ErrorReporter(java.util.Map<String, String> environment) {
        this.debug = "1".equals(environment.get(DEBUG));
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        var err = commandLine.getErr();
        if (ex instanceof ConfigException c) {
            err.println(c.getMessage());
        } else if (ex instanceof TemplateException t) {
            err.println("error: " + t.getMessage());
        } else if (ex instanceof AwsOperationException a) {
            err.println("error: " + a.getMessage());
        } else if (ex instanceof java.nio.file.NoSuchFileException n) {
            err.println("error: file not found: " + n.getFile());
        } else if (ex instanceof IllegalArgumentException bad) {
            // Raised for unusable settings (an endpoint that is not a URL, half a key pair, a bad retry setting).
            err.println("error: " + bad.getMessage());
        } else if (ex instanceof java.io.IOException io) {
            err.println("error: " + describe(io));
        } else if (ex instanceof java.io.UncheckedIOException io) {
            err.println("error: " + describe(io.getCause()));
        } else {
            err.println("internal error: " + ex + " (set " + DEBUG + "=1 for the stack trace, and please report it)");
        }
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return exitCodeFor(ex);
    }

    /** A usage error: the message and where to read the usage, on stderr; exit code 64. */
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        commandLine.getErr().println("error: " + ex.getMessage());
        commandLine.getErr().println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
        return ExitCode.USAGE;
    }

    @Override
    public int getExitCode(Throwable exception) {
        return exitCodeFor(exception);
    }

    /**
     * A file error as a sentence: the JDK's file exceptions carry only the path as their message ("error: /x.yaml"),
     * so the reason is added (permission denied, not a directory, ...).
     */
    static String describe(java.io.IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return "permission denied: " + a.getFile() + "; make it readable/writable by this user, or choose another path";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getFile() != null && f.getMessage() != null
                && f.getMessage().equals(f.getFile())) {
            return f.getFile() + ": " + (f.getReason() == null ? e.getClass().getSimpleName().replace("Exception", "") : f.getReason());
        }
        return String.valueOf(e.getMessage());
    }

    static int exitCodeFor(Throwable ex) {
        return ex instanceof CommandLine.ParameterException ? ExitCode.USAGE : ExitCode.ERROR;
    }
}

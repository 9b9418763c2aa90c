package io.claudebaseline.cli;

import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.Engine;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * Base of the subcommands that run the engine: builds the request, runs it with progress on stderr, prints the
 * summary on stdout and returns the exit code.
 */
abstract class EngineCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private Engine engine;
    private Map<String, String> environment = Map.of();

    final void wire(Engine engine, Map<String, String> environment) {
        this.engine = engine;
        this.environment = environment;
    }

    /** The request this command stands for. */
    abstract EngineRequest request(Map<String, String> awsEnvironment);

    /** Exit code for a completed run; plan overrides it for --detailed-exitcode. */
    int exitCode(EngineResult result) {
        return result.exitCode();
    }

    @Override
    public final Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        EngineRequest request = request(awsEnvironment(environment));
        if (request.action().needsAws() && request.region() != null) {
            try {
                io.claudebaseline.aws.AwsClientFactory.region(request);
            } catch (IllegalArgumentException e) {
                // A bad option value is a usage error (exit 64), the same class as a bad --account.
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        EngineResult result = engine.run(request, line -> {
            err.println(line);
            err.flush();
        });
        print(result, out);
        return exitCode(result);
    }

    /**
     * Only AWS_* and CLAUDE_BASELINE_* variables (retry and rate settings) reach the engine: they are all it reads,
     * and nothing else can leak into a report.
     */
    static Map<String, String> awsEnvironment(Map<String, String> env) {
        Map<String, String> aws = new java.util.TreeMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith("AWS_") || k.startsWith("CLAUDE_BASELINE_")) {
                aws.put(k, v);
            }
        });
        return aws;
    }

    static EngineRequest.Builder base(Action action, ConfigOptions config, AwsOptions aws, Map<String, String> env) {
        EngineRequest.Builder b = EngineRequest.builder(action, config.config).templatesDir(config.templates).environment(env);
        if (aws != null) {
            b.region(aws.region).profile(aws.profile).roleArn(aws.roleArn).externalId(aws.externalId).endpointUrl(aws.endpointUrl)
                    .allowInsecureEndpoint(aws.allowInsecureEndpoint);
        }
        return b;
    }

    /** "1 warning", "2 warnings": a count with its noun in the right number. */
    static String counted(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Prints checks that need attention, then the summary (config warnings already went to stderr as progress). */
    void print(EngineResult result, PrintWriter out) {
        for (CheckResult c : result.checks()) {
            if (c.status() != CheckStatus.PASS) {
                out.println(c.status() + "  [" + c.control() + "] " + c.message());
            }
        }
        if (!result.checks().isEmpty()) {
            out.println(result.count(CheckStatus.PASS) + " passed, " + counted(result.count(CheckStatus.WARN), "warning") + ", "
                    + result.count(CheckStatus.FAIL) + " failed"
                    + (result.count(CheckStatus.EXCEPTED) == 0 ? "" : ", " + result.count(CheckStatus.EXCEPTED) + " excepted")
                    + " (" + result.checks().size() + " checks)");
        }
        if (result.reportDir() != null) {
            out.println("Reports in " + result.reportDir() + ": report.html, summary.md, report.json, junit.xml, report.sarif");
        }
        out.println(result.summary());
        out.flush();
    }
}

package io.claudebaseline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.engine.BaselineEngine;
import io.claudebaseline.engine.api.ExitCode;
import io.claudebaseline.testing.MotoFixtures;
import io.claudebaseline.testing.MotoServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole CLI the way a user drives it — production engine and client factory, options on the command line,
 * credentials in the environment — against moto: validate, plan, apply, verify, drift, heal.
 */
@ExtendWith(MotoServer.class)
class CliAgainstMotoTest {

    private static final String TRAIL = "org-trail";

    @TempDir
    Path dir;

    private MotoServer moto;
    private MotoFixtures fixtures;
    private Path config;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void organisation(MotoServer server, MotoFixtures fx) throws Exception {
        moto = server;
        fixtures = fx;
        MotoFixtures.Org org = fixtures.createOrganization();
        String ou = fixtures.createOu(org.rootId(), "Workloads");
        String prod = fixtures.createAccount("prod", ou);
        fixtures.createTrail(TRAIL, "us-east-1", true, true);
        config = dir.resolve("claude-baseline.yaml");
        Files.writeString(config, String.join("\n",
                "version: 1",
                "targets: [" + ou + "]",
                "workspaces:",
                "  - id: wrkspc_01AbCdEf23GhIj",
                "    region: us-east-1",
                "    account: \"" + prod + "\"",
                "    allowedPrincipals: [\"arn:aws:iam::" + prod + ":role/claude-prod-deployer\"]",
                "controls:",
                "  cloudTrailDataEvents: {enabled: true, trailName: " + TRAIL + ", homeRegion: us-east-1}",
                ""));
    }

    private int cli(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        Map<String, String> env = new HashMap<>(moto.environment());
        // Test budgets: fail fast instead of production retries and AWS's real Organizations rates.
        env.put("CLAUDE_BASELINE_AWS_MAX_ATTEMPTS", "2");
        env.put("CLAUDE_BASELINE_ORG_RATE_LIMIT", "off");
        env.put("HOME", "/nonexistent");
        String[] full = new String[args.length + 4];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "--config";
        full[args.length + 1] = config.toString();
        full[args.length + 2] = "--endpoint-url";
        full[args.length + 3] = moto.endpoint();
        return Main.run(new BaselineEngine(), env, new PrintWriter(out, true), new PrintWriter(err, true), full);
    }

    private String output() {
        return out + "\n" + err;
    }

    @Test
    void planApplyVerifyDriftAndHealFromTheCommandLine() throws Exception {
        Path plan = dir.resolve("plan.json");
        assertThat(cli("plan", "--detailed-exitcode", "--out", plan.toString())).as(output()).isEqualTo(ExitCode.DRIFT);
        assertThat(Files.readString(plan)).contains("claude-baseline-1");

        assertThat(cli("apply", "--out", dir.resolve("apply").toString())).as(output()).isEqualTo(ExitCode.OK);
        assertThat(cli("plan", "--detailed-exitcode")).as(output()).isEqualTo(ExitCode.OK);

        Path reports = dir.resolve("reports");
        assertThat(cli("verify", "--report-dir", reports.toString())).as(output()).isEqualTo(ExitCode.OK);
        assertThat(reports.resolve("junit.xml")).isNotEmptyFile();
        assertThat(Files.readString(reports.resolve("summary.md"))).startsWith("# claude-baseline verify: PASS");

        fixtures.stopLogging(TRAIL, "us-east-1");
        assertThat(cli("verify", "--report-dir", reports.toString())).as(output()).isEqualTo(ExitCode.DRIFT);
        assertThat(out.toString()).contains("FAIL").contains(TRAIL);
        assertThat(Files.readString(reports.resolve("summary.md"))).startsWith("# claude-baseline verify: FAIL");

        assertThat(cli("apply", "--out", dir.resolve("apply2").toString())).as(output()).isEqualTo(ExitCode.OK);
        assertThat(cli("verify", "--report-dir", reports.toString())).as(output()).isEqualTo(ExitCode.OK);

        assertThat(output()).doesNotContain(MotoServer.SECRET_ACCESS_KEY);
    }

    @Test
    void plainHttpToAnotherHostIsRefusedBeforeAnyCall() {
        int code = Main.run(new BaselineEngine(), moto.environment(), new PrintWriter(out, true), new PrintWriter(err, true),
                "verify", "--config", config.toString(), "--endpoint-url", "http://moto.invalid:5000");
        assertThat(code).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("is plain http:// to moto.invalid").contains("--allow-insecure-endpoint")
                .doesNotContain("internal error");
    }

    @Test
    void aBadEndpointIsAnErrorThatSaysWhatToGive() {
        out.getBuffer().setLength(0);
        int code = Main.run(new BaselineEngine(), moto.environment(), new PrintWriter(out, true), new PrintWriter(err, true),
                "verify", "--config", config.toString(), "--endpoint-url", "not a url");
        assertThat(code).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).startsWith("error: endpoint URL 'not a url'").doesNotContain("internal error");
    }
}

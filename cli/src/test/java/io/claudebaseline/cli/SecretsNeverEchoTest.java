package io.claudebaseline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.claudebaseline.engine.BaselineEngine;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.ExitCode;
import io.claudebaseline.testing.ReflectingEndpoint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets never echo back. Against an endpoint that reflects every request into its errors (the Authorization
 * header as the error code, the session token as the request id, headers and body as the message), every output
 * channel is swept for the run's secret key, session token, external id, access key id and SigV4 parts: CLI
 * stdout and stderr (with {@code CLAUDE_BASELINE_DEBUG=1}, so stack traces and causes too), every file written
 * (reports, plan, snapshots), and what the engine returns to Jenkins (progress lines, the exception and its
 * whole cause chain).
 */
class SecretsNeverEchoTest {

    private static final String ACCESS_KEY_ID = "AKIAREFLECTTEST00001";
    private static final String SECRET_KEY = "SECRETKEY-reflected-never-shown-123";
    private static final String SESSION_TOKEN = "TOKENSECRET456-reflected-session-token";
    private static final String EXTERNAL_ID = "EXTERNALID-secret-789";
    private static final String ROLE = "arn:aws:iam::111122223333:role/claude-baseline-admin";

    @TempDir
    Path dir;

    private ReflectingEndpoint endpoint;
    private Path config;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        endpoint = new ReflectingEndpoint();
        config = dir.resolve("claude-baseline.yaml");
        Files.writeString(config, String.join("\n",
                "version: 1",
                "targets: [ou-ab12-11111111]",
                "workspaces:",
                "  - id: wrkspc_01AbCdEf23GhIj",
                "    region: us-east-1",
                "    account: \"111122223333\"",
                "    allowedPrincipals: [\"arn:aws:iam::111122223333:role/claude-prod-deployer\"]",
                "controls:",
                "  cloudTrailDataEvents: {enabled: true, trailName: org-trail, homeRegion: us-east-1}",
                "audit: {memberAccounts: true, externalId: " + EXTERNAL_ID + "-audit}",
                ""));
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(ReflectingEndpoint.environment(ACCESS_KEY_ID, SECRET_KEY, SESSION_TOKEN));
        env.put("CLAUDE_BASELINE_DEBUG", "1");
        env.put("CLAUDE_BASELINE_AWS_MAX_ATTEMPTS", "2");
        return env;
    }

    private int cli(String... args) {
        return Main.run(new BaselineEngine(), environment(), new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static final List<String> SECRETS = List.of(SECRET_KEY, SESSION_TOKEN, EXTERNAL_ID, ACCESS_KEY_ID);

    private static void assertClean(String channel, String text) {
        for (String secret : SECRETS) {
            assertThat(text).as(channel + " shows " + secret).doesNotContain(secret);
        }
        assertThat(text).as(channel).doesNotContainPattern("Signature=[0-9a-f]{8,}").doesNotContain("Credential=AKIA")
                .doesNotContain("X-Amz-Security-Token: T").doesNotContain("ExternalId=E");
    }

    private String filesUnder(Path root) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.equals(config)).toList()) {
                all.append(f).append('\n').append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void everyCliChannelWithDebugOutputShowsNoSecret() throws Exception {
        String url = endpoint.endpoint();
        int plan = cli("plan", "-c", config.toString(), "--endpoint-url", url, "--role-arn", ROLE, "--external-id", EXTERNAL_ID,
                "--out", dir.resolve("plan.json").toString());
        int verify = cli("verify", "-c", config.toString(), "--endpoint-url", url, "--report-dir", dir.resolve("reports").toString());
        int apply = cli("apply", "-c", config.toString(), "--endpoint-url", url, "--out", dir.resolve("applied").toString());
        int verifyAsRole = cli("verify", "-c", config.toString(), "--endpoint-url", url, "--role-arn", ROLE, "--external-id", EXTERNAL_ID,
                "--report-dir", dir.resolve("reports-role").toString());

        assertThat(List.of(plan, verify, apply, verifyAsRole)).containsOnly(ExitCode.ERROR);
        // Not vacuous: the endpoint really received the token and the external id, reflected them, and the debug
        // output printed the causes (with the reflected text masked).
        assertThat(endpoint.received(SESSION_TOKEN)).isTrue();
        assertThat(endpoint.received("ExternalId=" + EXTERNAL_ID)).isTrue();
        assertThat(endpoint.received("Credential=" + ACCESS_KEY_ID)).isTrue();
        assertThat(err.toString()).contains("\tat ", "Caused by: ", "***", "sts:AssumeRole on " + ROLE, "organizations:DescribeOrganization");

        assertThat(dir.resolve("reports/junit.xml")).content().contains("<error", "organizations:DescribeOrganization");
        assertThat(dir.resolve("reports-role/junit.xml")).content().contains("<error", "sts:AssumeRole");
        assertClean("stdout", out.toString());
        assertClean("stderr", err.toString());
        assertClean("files", filesUnder(dir));
    }

    @Test
    void whatTheEngineReturnsToJenkinsShowsNoSecret() {
        List<String> progress = new ArrayList<>();
        EngineRequest request = EngineRequest.builder(Action.VERIFY, config).endpointUrl(endpoint.endpoint()).roleArn(ROLE)
                .externalId(EXTERNAL_ID).environment(environment()).reportDir(dir.resolve("reports")).build();
        Throwable thrown = catchThrowable(() -> new BaselineEngine().run(request, progress::add));
        assertThat(thrown).isNotNull();
        assertThat(endpoint.received("ExternalId=" + EXTERNAL_ID)).isTrue();

        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace, true));
        StringBuilder chain = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            chain.append(t).append('\n').append(t.getMessage()).append('\n');
        }
        assertClean("progress", String.join("\n", progress));
        assertClean("exception chain", chain.toString());
        assertClean("stack trace", trace.toString());
        assertThat(trace.toString()).contains("Caused by: ");
    }
}

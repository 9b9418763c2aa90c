package io.claudebaseline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claudebaseline.config.ConfigException;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.facts.AwsFacts;
import io.claudebaseline.testing.MotoFixtures;
import io.claudebaseline.testing.MotoServer;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 against moto: an uncovered account, a shadow user with an active key and a trail that does not log a
 * workspace's account, each accepted by an exception — in force, expired, about to expire, stale, or ignored.
 */
@ExtendWith(MotoServer.class)
class ExceptionsLiveTest {

    static final String LOCAL_TRAIL = "local-trail";
    static final String SHADOW = "AeaApiKey-legacy01";

    @TempDir
    Path dir;
    LiveWorld world;
    String lab;
    String management;
    String keyId;

    @BeforeEach
    void world(MotoServer server, MotoFixtures moto) throws Exception {
        world = new LiveWorld(server, moto, dir);
        management = world.org.managementAccountId();
        // An account outside every target: the SCPs sit on the Workloads OU and the sandbox account only.
        lab = moto.createAccount("lab", world.org.rootId());
        // A trail of the management account alone: it cannot log the prod account's workspace.
        moto.createTrail(LOCAL_TRAIL, LiveWorld.REGION, true, true, false);
        moto.createUser(SHADOW, "/");
        keyId = moto.createServiceSpecificCredential(SHADOW, AwsFacts.SERVICE_NAME);
    }

    @Test
    void exceptionsInForceTurnTheFindingsExceptedAndTheGatePasses() throws Exception {
        write(exceptions(LocalDate.now(ZoneOffset.UTC).plusDays(60)));
        world.run(Action.APPLY);

        EngineResult verify = world.run(Action.VERIFY);

        assertThat(status(verify)).as("every finding is excepted, none fails: %s", failed(verify))
                .containsEntry("org-coverage:accounts:" + lab, CheckStatus.EXCEPTED)
                .containsEntry("shadow-user:" + management + ":" + SHADOW, CheckStatus.EXCEPTED)
                .containsEntry("long-term-key:" + management + ":" + keyId, CheckStatus.EXCEPTED)
                .containsEntry("trail-account-coverage:" + world.prodAccount, CheckStatus.EXCEPTED)
                .containsEntry("org-coverage:accounts", CheckStatus.PASS)
                .containsEntry("trail-account-coverage", CheckStatus.PASS);
        assertThat(verify.compliant()).isTrue();
        assertThat(verify.summary()).contains("4 excepted");
        CheckResult shadow = check(verify, "shadow-user:" + management + ":" + SHADOW);
        assertThat(shadow.message()).contains("exceptions[1]", "platform-security@example.com", "SEC-1234");
        assertThat(shadow.evidence().get("exception")).asString().contains("expires");

        String junit = Files.readString(dir.resolve("reports/junit.xml"));
        assertThat(junit).contains("<skipped message=\"Excepted until").containsPattern("testsuites [^>]*skipped=\"4\"");
        String summary = Files.readString(dir.resolve("reports/summary.md"));
        assertThat(summary).contains("## Excepted", "4 excepted", "## exceptions", "| exceptions[1] | shadow-user | user " + SHADOW + " |");
        String json = Files.readString(dir.resolve("reports/report.json"));
        assertThat(json).contains("\"EXCEPTED\"", "\"state\" : \"in-force\"");
        // SARIF marks each excepted finding as an accepted suppression, so code scanning / warnings-ng do not count it.
        var sarif = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("reports/report.sarif").toFile());
        List<String> suppressed = new java.util.ArrayList<>();
        sarif.path("runs").get(0).path("results").forEach(r -> {
            if (r.has("suppressions")) {
                assertThat(r.path("suppressions").get(0).path("status").asText()).isEqualTo("accepted");
                assertThat(r.path("suppressions").get(0).path("justification").asText()).contains("SEC-1234");
                suppressed.add(r.path("properties").path("check").asText());
            }
        });
        assertThat(suppressed).containsExactlyInAnyOrder("org-coverage:accounts:" + lab, "shadow-user:" + management + ":" + SHADOW,
                "long-term-key:" + management + ":" + keyId, "trail-account-coverage:" + world.prodAccount);
        assertThat(Files.readString(dir.resolve("reports/report.html"))).contains("EXCEPTED", "SEC-1234");
    }

    @Test
    void noExceptionsShowsTheRawStateAndFails() throws Exception {
        write(exceptions(LocalDate.now(ZoneOffset.UTC).plusDays(60)));
        world.run(Action.APPLY);

        EngineResult raw = world.engineRun(world.server.request(Action.VERIFY, world.config).reportDir(dir.resolve("raw"))
                .ignoreExceptions(true));

        assertThat(raw.compliant()).isFalse();
        assertThat(failed(raw)).contains("shadow-user:" + management + ":" + SHADOW, "long-term-key:" + management + ":" + keyId,
                "trail-account-coverage");
        assertThat(status(raw)).containsEntry("org-coverage:accounts", CheckStatus.WARN).doesNotContainValue(CheckStatus.EXCEPTED);
        assertThat(raw.details().get("exceptions")).asString().contains("state=ignored");
    }

    @Test
    void expiredExceptionsStopExceptingAndAreNamed() throws Exception {
        write(exceptions(LocalDate.now(ZoneOffset.UTC).minusDays(1)));
        world.run(Action.APPLY);

        EngineResult verify = world.run(Action.VERIFY);

        assertThat(verify.compliant()).isFalse();
        assertThat(check(verify, "shadow-user:" + management + ":" + SHADOW)).satisfies(c -> {
            assertThat(c.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(c.message()).contains("exceptions[1]", "expired on", "no longer applies");
        });
        assertThat(check(verify, "trail-account-coverage")).satisfies(c -> {
            assertThat(c.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(c.message()).contains("exceptions[3]", "expired on");
        });
        assertThat(check(verify, "org-coverage:accounts")).satisfies(c -> {
            assertThat(c.status()).isEqualTo(CheckStatus.WARN);
            assertThat(c.message()).contains("exceptions[0]", "expired on");
        });
        assertThat(status(verify)).containsEntry("exception-expired:exceptions[0]", CheckStatus.WARN)
                .containsEntry("exception-expired:exceptions[3]", CheckStatus.WARN)
                .doesNotContainValue(CheckStatus.EXCEPTED);

        // The config under review must not carry an expired exception: validate refuses it, naming the field.
        assertThatThrownBy(() -> world.run(Action.VALIDATE)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("exceptions[0].expires").hasMessageContaining("has passed");
    }

    @Test
    void staleAndSoonExpiringExceptionsWarnAheadOfTime() throws Exception {
        LocalDate soon = LocalDate.now(ZoneOffset.UTC).plusDays(5);
        write("exceptions:\n"
                + exception("shadow-user", "user: " + SHADOW, soon)
                + exception("long-term-key", "key: " + keyId, soon.plusDays(60))
                + exception("shadow-user", "user: AeaApiKey-gone99", soon.plusDays(60)));
        world.run(Action.APPLY);

        EngineResult verify = world.run(Action.VERIFY);

        assertThat(status(verify))
                .containsEntry("shadow-user:" + management + ":" + SHADOW, CheckStatus.EXCEPTED)
                .containsEntry("long-term-key:" + management + ":" + keyId, CheckStatus.EXCEPTED)
                .containsEntry("exception-expiring:exceptions[0]", CheckStatus.WARN)
                .containsEntry("exception-unused:exceptions[2]", CheckStatus.WARN)
                .doesNotContainKey("exception-expiring:exceptions[1]");
        assertThat(check(verify, "exception-expiring:exceptions[0]").message()).contains("in 5 days", soon.toString());
        assertThat(check(verify, "exception-unused:exceptions[2]").message()).contains("AeaApiKey-gone99", "remove it");
        assertThat(verify.details().get("exceptions")).asString().contains("state=expiring", "state=in-force", "state=unused");
    }

    @Test
    void anExceptionTooFarAheadStopsEveryRunBeforeAws() throws Exception {
        write(exceptions(LocalDate.now(ZoneOffset.UTC).plusDays(181)));
        assertThatThrownBy(() -> world.run(Action.VERIFY)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("exceptions[0].expires").hasMessageContaining("more than 180 days ahead");
        assertThat(world.moto.organizations().listPolicies(r -> r.filter("SERVICE_CONTROL_POLICY")).policies())
                .extracting(p -> p.name()).noneMatch(n -> n.startsWith("claude-baseline"));
    }

    /** The config of LiveWorld, on the local trail, with {@code extra} YAML appended. */
    private void write(String extra) throws Exception {
        world.writeConfig("targets: [" + world.ou + ", \"" + world.sandboxAccount + "\"]\n", extra);
        Files.writeString(world.config, Files.readString(world.config).replace("trailName: " + LiveWorld.TRAIL, "trailName: " + LOCAL_TRAIL));
    }

    private String exceptions(LocalDate expires) {
        return "exceptions:\n"
                + exception("org-coverage:accounts", "account: \"" + lab + "\"", expires)
                + exception("shadow-user", "user: " + SHADOW, expires)
                + exception("long-term-key", "user: " + SHADOW + "\n    account: \"" + management + "\"", expires)
                + exception("trail-account-coverage", "account: \"" + world.prodAccount + "\"", expires);
    }

    private static String exception(String check, String subject, LocalDate expires) {
        return "  - check: " + check + "\n    " + subject + "\n"
                + "    reason: legacy integration, key retired with SEC-1234\n"
                + "    owner: platform-security@example.com\n"
                + "    expires: " + expires + "\n";
    }

    private static Map<String, CheckStatus> status(EngineResult r) {
        Map<String, CheckStatus> m = new java.util.LinkedHashMap<>();
        r.checks().forEach(c -> m.put(c.check(), c.status()));
        return m;
    }

    private static List<String> failed(EngineResult r) {
        return r.checks().stream().filter(c -> c.status() == CheckStatus.FAIL).map(CheckResult::check).toList();
    }

    private static CheckResult check(EngineResult r, String id) {
        return r.checks().stream().filter(c -> c.check().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + id + " in " + status(r)));
    }
}

package io.claudebaseline.live;

import static io.claudebaseline.live.PlannerTest.ACCOUNT;
import static io.claudebaseline.live.PlannerTest.CONTENT;
import static io.claudebaseline.live.PlannerTest.DATA;
import static io.claudebaseline.live.PlannerTest.OU;
import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.config.AuditConfig;
import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.config.ControlsConfig;
import io.claudebaseline.config.WorkspaceConfig;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.model.TrailSelectors;
import io.claudebaseline.org.AccountKeyScan;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** verify's own checks, from a hand-built live state. */
class VerifierTest {

    static final String MANAGEMENT = "123456789012";

    static Baseline baseline(String workspaceAccount, String workspaceRegion, AuditConfig audit) {
        BaselineConfig config = new BaselineConfig(1, "claude-baseline", List.of(OU, ACCOUNT),
                List.of(new WorkspaceConfig("wrkspc_01AbCdEf23GhIj", workspaceRegion, workspaceAccount, List.of("arn:aws:iam::1:role/x"), null)),
                List.of(), new ControlsConfig(null, null, null, null,
                        new ControlsConfig.CloudTrailDataEvents(true, "org-trail", "us-east-1", null, null, null)),
                null, null, Map.of(), null, null, audit);
        return new Baseline(config, List.of(PlannerTest.scp("claude-baseline-1", CONTENT)), List.of(OU, ACCOUNT),
                Optional.of(new TrailSelectors("org-trail", "us-east-1", List.of(DATA))), Map.of());
    }

    static LiveState live(LiveState.Trail trail, LiveState.KeyInventory keys) {
        var owned = Map.of("claude-baseline-1", new LiveState.Scp("p-1", "claude-baseline-1", "baseline", CONTENT, PlannerTest.OWNED_TAGS, List.of(OU, ACCOUNT)));
        return new LiveState(new LiveState.Organization("o-1", MANAGEMENT, "ALL", "r-1", true), owned, List.of(), Map.of(),
                Optional.of(new LiveState.TrailLookup("org-trail", "us-east-1", trail, null)), Optional.ofNullable(keys));
    }

    static CheckResult check(List<CheckResult> checks, String name) {
        return checks.stream().filter(c -> c.check().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " not in " + checks));
    }

    @Test
    void aCompliantOrganisation() {
        List<CheckResult> checks = Verifier.check(baseline("111122223333", "us-east-1", null),
                live(PlannerTest.trail(true, List.of(DATA), List.of()), new LiveState.KeyInventory(MANAGEMENT, List.of(), List.of())));
        assertThat(checks).allMatch(c -> c.status() == CheckStatus.PASS, "all pass");
        assertThat(checks).extracting(CheckResult::check).contains("scp-exists:claude-baseline-1", "scp-content:claude-baseline-1",
                "scp-attached:claude-baseline-1:" + OU, "scp-attached:claude-baseline-1:" + ACCOUNT, "workspaces-not-in-management-account",
                "trail-exists", "trail-logging", "trail-region-coverage", "trail-account-coverage", "trail-data-selectors", "trail-log-file-validation",
                "long-term-keys:" + MANAGEMENT, "shadow-users:" + MANAGEMENT);
        assertThat(check(checks, "scp-attached:claude-baseline-1:" + OU).control()).isEqualTo("deny-long-term-key-use");
    }

    @Test
    void aWorkspaceInTheManagementAccountFails() {
        List<CheckResult> checks = Verifier.check(baseline(MANAGEMENT, "us-east-1", null), live(PlannerTest.trail(true, List.of(DATA), List.of()), null));
        CheckResult c = check(checks, "workspace-not-in-management-account:wrkspc_01AbCdEf23GhIj");
        assertThat(c.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(c.message()).contains("SCPs never apply");
    }

    @Test
    void aSingleRegionTrailMissesWorkspacesElsewhereAndNoValidationWarns() {
        var single = new LiveState.Trail("org-trail", "arn", "us-east-1", false, false, false, true, List.of(DATA), List.of());
        List<CheckResult> checks = Verifier.check(baseline("111122223333", "eu-west-1", null), live(single, null));
        assertThat(check(checks, "trail-region-coverage").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(check(checks, "trail-region-coverage").message()).contains("wrkspc_01AbCdEf23GhIj (eu-west-1)", "multi-region");
        assertThat(check(checks, "trail-log-file-validation").status()).isEqualTo(CheckStatus.WARN);
    }

    @Test
    void aTrailThatIsNotAnOrganizationTrailMissesWorkspacesInOtherAccounts() {
        var own = new LiveState.Trail("org-trail", "arn:aws:cloudtrail:us-east-1:" + MANAGEMENT + ":trail/org-trail", "us-east-1",
                true, false, true, true, List.of(DATA), List.of());
        CheckResult elsewhere = check(Verifier.check(baseline("111122223333", "us-east-1", null), live(own, null)), "trail-account-coverage");
        assertThat(elsewhere.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(elsewhere.message()).contains("not an organization trail", "only account " + MANAGEMENT,
                "wrkspc_01AbCdEf23GhIj (111122223333)", "make it an organization trail");

        CheckResult unknown = check(Verifier.check(baseline("*", "us-east-1", null), live(own, null)), "trail-account-coverage");
        assertThat(unknown.status()).isEqualTo(CheckStatus.WARN);
        assertThat(unknown.message()).contains("set workspaces[].account");

        CheckResult same = check(Verifier.check(baseline(MANAGEMENT, "us-east-1", null), live(own, null)), "trail-account-coverage");
        assertThat(same.status()).isEqualTo(CheckStatus.PASS);

        CheckResult org = check(Verifier.check(baseline("111122223333", "us-east-1", null),
                live(PlannerTest.trail(true, List.of(DATA), List.of()), null)), "trail-account-coverage");
        assertThat(org.status()).isEqualTo(CheckStatus.PASS);
        assertThat(org.message()).contains("organization trail");
    }

    @Test
    void oneAccountIsLoggedOnlyByAnOrganizationTrailOrATrailOfItsOwn() {
        var own = new LiveState.Trail("org-trail", "arn:aws:cloudtrail:us-east-1:" + MANAGEMENT + ":trail/org-trail", "us-east-1",
                true, false, true, true, List.of(DATA), List.of());
        CheckResult member = Verifier.trailCoversAccount(live(own, null), "111122223333").orElseThrow();
        assertThat(member.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(member.check()).isEqualTo("trail-account-coverage:111122223333");
        assertThat(member.message()).contains("lives in account " + MANAGEMENT, "would go unlogged");
        assertThat(Verifier.trailCoversAccount(live(own, null), MANAGEMENT).orElseThrow().status()).isEqualTo(CheckStatus.PASS);
        assertThat(Verifier.trailCoversAccount(live(PlannerTest.trail(true, List.of(DATA), List.of()), null), "111122223333")
                .orElseThrow().status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void missingSelectorsOnATrailWithDataInBasicSelectorsSayWhatApplyNeedsFirst() {
        var basic = PlannerTest.json("{\"ReadWriteType\":\"All\",\"IncludeManagementEvents\":true,"
                + "\"DataResources\":[{\"Type\":\"AWS::S3::Object\",\"Values\":[\"arn:aws:s3\"]}]}");
        CheckResult blocked = check(Verifier.check(baseline("111122223333", "us-east-1", null),
                live(PlannerTest.trail(true, List.of(), List.of(basic)), null)), "trail-data-selectors");
        assertThat(blocked.status()).isEqualTo(CheckStatus.FAIL);
        // apply refuses this trail (Planner's blocker), so "run apply" alone would send the user in a circle.
        assertThat(blocked.message()).contains("basic event selectors", "switch the trail to advanced event selectors", "then run apply");

        CheckResult plain = check(Verifier.check(baseline("111122223333", "us-east-1", null),
                live(PlannerTest.trail(true, List.of(), List.of()), null)), "trail-data-selectors");
        assertThat(plain.message()).endsWith("; run apply.").doesNotContain("basic");
    }

    @Test
    void keyFindingsListUserKeyAndDatesAtTheConfiguredSeverity() {
        Instant created = Instant.parse("2026-11-01T10:00:00Z");
        var inv = new LiveState.KeyInventory(MANAGEMENT, List.of(new LiveState.ShadowUser("AeaApiKey-ab12", "/", "arn:aws:iam::1:user/AeaApiKey-ab12", created)),
                List.of(new AccountKeyScan.LongTermKey("ACCAEXAMPLE1", "AeaApiKey-ab12", "Active", created, null),
                        new AccountKeyScan.LongTermKey("ACCAEXAMPLE2", "AeaApiKey-ab12", "Inactive", created, null)));
        List<CheckResult> fail = Verifier.check(baseline("111122223333", "us-east-1", null), live(PlannerTest.trail(true, List.of(DATA), List.of()), inv));
        CheckResult key = check(fail, "long-term-key:" + MANAGEMENT + ":ACCAEXAMPLE1");
        assertThat(key.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(key.evidence()).containsEntry("userName", "AeaApiKey-ab12").containsEntry("created", created.toString())
                .containsEntry("expires", "never");
        assertThat(fail).noneMatch(c -> c.check().contains("ACCAEXAMPLE2"));
        assertThat(check(fail, "shadow-user:" + MANAGEMENT + ":AeaApiKey-ab12").status()).isEqualTo(CheckStatus.FAIL);

        List<CheckResult> warn = Verifier.check(baseline("111122223333", "us-east-1", new AuditConfig(AuditConfig.Severity.WARN, null, null, null, null)),
                live(PlannerTest.trail(true, List.of(DATA), List.of()), inv));
        assertThat(check(warn, "long-term-key:" + MANAGEMENT + ":ACCAEXAMPLE1").status()).isEqualTo(CheckStatus.WARN);
    }

    @Test
    void aForeignSameNamedScpIsNotTheBaselines() {
        LiveState live = new LiveState(new LiveState.Organization("o-1", MANAGEMENT, "ALL", "r-1", false), Map.of(),
                List.of(new LiveState.Scp("p-x", "claude-baseline-1", "theirs", null, Map.of(), List.of())), Map.of(), Optional.empty(), Optional.empty());
        List<CheckResult> checks = Verifier.check(baseline("111122223333", "us-east-1", null), live);
        assertThat(check(checks, "scp-exists:claude-baseline-1").message()).contains("p-x", "without the ownership tag");
        assertThat(check(checks, "scp-policy-type-enabled").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(check(checks, "trail-exists").status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void anOwnedScpTheConfigNoLongerWantsFailsVerify() {
        // plan would delete it: live and desired differ, so a release gate must not pass.
        LiveState base = live(PlannerTest.trail(true, List.of(DATA), List.of()), null);
        var owned = new java.util.LinkedHashMap<>(base.ownedScps());
        owned.put("claude-baseline-old", new LiveState.Scp("p-old", "claude-baseline-old", "old", CONTENT, PlannerTest.OWNED_TAGS, List.of(OU)));
        LiveState live = new LiveState(base.organization(), owned, base.foreignSameNamed(), base.attachments(), base.trail(), base.keys());
        CheckResult stale = check(Verifier.check(baseline("111122223333", "us-east-1", null), live), "scp-stale:claude-baseline-old");
        assertThat(stale.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(stale.message()).contains("p-old", "no longer in the baseline", "run apply");
    }
}

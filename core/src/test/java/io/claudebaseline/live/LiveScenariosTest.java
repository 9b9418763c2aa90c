package io.claudebaseline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claudebaseline.aws.AwsOperationException;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.engine.api.ExitCode;
import io.claudebaseline.facts.AwsFacts;
import io.claudebaseline.model.TrailSelectors;
import io.claudebaseline.testing.MotoFixtures;
import io.claudebaseline.testing.MotoServer;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.organizations.model.PolicyType;

/** The scenarios of issue 3, driven through {@code BaselineEngine} against moto. */
@ExtendWith(MotoServer.class)
class LiveScenariosTest {

    @TempDir
    Path dir;
    LiveWorld world;

    @BeforeEach
    void world(MotoServer server, MotoFixtures moto) throws Exception {
        world = new LiveWorld(server, moto, dir);
    }

    @Test
    void freshApplyThenVerifyIsCompliantAndASecondApplyPlansNothing() throws Exception {
        EngineResult plan = world.run(Action.PLAN);
        assertThat(plan.compliant()).isFalse();
        assertThat(plan.changes()).isGreaterThan(0);
        assertThat(plan.exitCode()).isEqualTo(ExitCode.DRIFT);
        assertThat(dir.resolve("out/plan.json")).exists();
        assertThat(Files.readString(dir.resolve("out/plan.json"))).contains("\"create-scp\"", "\"enable-policy-type\"", "\"put-event-selectors\"");
        // plan --report-dir: the pending changes as the reports people look at (issue 12).
        assertThat(Files.readString(dir.resolve("reports/report.html"))).contains("create-scp", "put-event-selectors");
        assertThat(Files.readString(dir.resolve("reports/report.json"))).contains("\"action\" : \"plan\"", "create-scp");

        EngineResult dry = world.run(Action.APPLY, world.server.engine(), true);
        assertThat(dry.changes()).isEqualTo(plan.changes());
        assertThat(world.moto.organizations().listRoots().roots().get(0).policyTypes()).as("dry run changes nothing").isEmpty();

        EngineResult apply = world.run(Action.APPLY);
        assertThat(apply.compliant()).isTrue();
        assertThat(apply.changes()).isEqualTo(plan.changes());
        assertThat(world.progress).anyMatch(l -> l.startsWith("[1/" + plan.changes() + "] "));
        assertThat(apply.artifacts()).singleElement().satisfies(p -> assertThat(p).exists());

        for (String name : world.scpNames()) {
            String id = world.scpId(name);
            assertThat(world.moto.scpIdsAttachedTo(world.ou)).contains(id);
            assertThat(world.moto.scpIdsAttachedTo(world.sandboxAccount)).contains(id);
            assertThat(world.moto.organizations().listTagsForResource(r -> r.resourceId(id)).tags())
                    .anyMatch(t -> t.key().equals(AwsFacts.OWNERSHIP_TAG_KEY) && t.value().equals(AwsFacts.OWNERSHIP_TAG_VALUE))
                    .anyMatch(t -> t.key().equals("owner") && t.value().equals("platform-security"));
        }
        assertThat(world.moto.advancedSelectors(LiveWorld.TRAIL, LiveWorld.REGION))
                .extracting(AdvancedEventSelector::name).contains(TrailSelectors.DATA_SELECTOR_NAME);

        EngineResult verify = world.run(Action.VERIFY);
        assertThat(verify.checks()).filteredOn(c -> c.status() == CheckStatus.FAIL).isEmpty();
        assertThat(verify.compliant()).isTrue();
        assertThat(verify.checks()).extracting(CheckResult::check).contains("scp-policy-type-enabled", "trail-data-selectors",
                "trail-logging", "trail-region-coverage");
        assertThat(dir.resolve("reports/report.json")).exists();
        assertThat(dir.resolve("reports/junit.xml")).exists();
        assertThat(dir.resolve("reports/summary.md")).exists();

        EngineResult again = world.run(Action.PLAN);
        assertThat(again.changes()).as("second plan: %s", again.details()).isZero();
        assertThat(again.compliant()).isTrue();
        assertThat(world.run(Action.APPLY).changes()).isZero();
    }

    @Test
    void aForeignEventSelectorSurvivesApply() throws Exception {
        AdvancedEventSelector foreign = LiveWorld.foreignSelector();
        world.moto.putAdvancedSelectors(LiveWorld.TRAIL, LiveWorld.REGION, List.of(foreign));

        world.run(Action.APPLY);

        List<AdvancedEventSelector> after = world.moto.advancedSelectors(LiveWorld.TRAIL, LiveWorld.REGION);
        assertThat(after).contains(foreign);
        assertThat(after).extracting(AdvancedEventSelector::name)
                .containsExactlyInAnyOrder(foreign.name(), TrailSelectors.DATA_SELECTOR_NAME, TrailSelectors.MANAGEMENT_SELECTOR_NAME);
        assertThat(world.run(Action.PLAN).changes()).isZero();
    }

    @Test
    void aForeignSameNamedScpIsRefusedBeforeAnyChangeAndLeftUntouched() throws Exception {
        String name = world.scpNames().get(0);
        String content = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:DeleteBucket\",\"Resource\":\"*\"}]}";
        String foreignId = world.moto.createForeignScp(name, content, Map.of("team", "someone-else"), world.ou);

        assertThatThrownBy(() -> world.run(Action.APPLY))
                .isInstanceOf(AwsOperationException.class)
                .hasMessageContaining(name).hasMessageContaining(foreignId).hasMessageContaining("will not touch it")
                .satisfies(e -> assertThat(((AwsOperationException) e).kind()).isEqualTo(AwsOperationException.Kind.CONFLICT));

        assertThat(world.moto.policyContent(foreignId)).isEqualTo(content);
        assertThat(world.moto.organizations().listRoots().roots().get(0).policyTypes()).as("not even SCPs got enabled").isEmpty();
        assertThat(world.moto.scpIdsAttachedTo(world.sandboxAccount)).containsExactly(AwsFacts.FULL_AWS_ACCESS_POLICY_ID);
        assertThat(world.moto.advancedSelectors(LiveWorld.TRAIL, LiveWorld.REGION)).isEmpty();
        assertThat(world.moto.organizations().listTagsForResource(r -> r.resourceId(foreignId)).tags())
                .noneMatch(t -> t.key().equals(AwsFacts.OWNERSHIP_TAG_KEY));
        assertThatThrownBy(() -> world.run(Action.PLAN)).as("plan refuses the same way").hasMessageContaining("will not touch it");
    }

    @Test
    void tamperingIsNamedByVerifyAndHealedByApply() throws Exception {
        world.moto.putAdvancedSelectors(LiveWorld.TRAIL, LiveWorld.REGION, List.of(LiveWorld.foreignSelector()));
        world.run(Action.APPLY);
        String name = world.scpNames().get(0);
        String id = world.scpId(name);

        // tamper: detach, edit content, drop our selectors, stop logging, shadow user with a long-term key
        world.moto.organizations().detachPolicy(r -> r.policyId(id).targetId(world.ou));
        world.moto.organizations().updatePolicy(r -> r.policyId(id)
                .content("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Weakened\",\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"));
        world.moto.putAdvancedSelectors(LiveWorld.TRAIL, LiveWorld.REGION, List.of(LiveWorld.foreignSelector()));
        world.moto.stopLogging(LiveWorld.TRAIL, LiveWorld.REGION);
        world.moto.createUser("AeaApiKey-7f3a", "/");
        String keyId = world.moto.createServiceSpecificCredential("AeaApiKey-7f3a", AwsFacts.SERVICE_NAME);
        world.moto.createServiceSpecificCredential("AeaApiKey-7f3a", "codecommit.amazonaws.com");

        EngineResult verify = world.run(Action.VERIFY);
        assertThat(verify.compliant()).isFalse();
        assertThat(verify.exitCode()).isEqualTo(ExitCode.DRIFT);
        String acct = world.org.managementAccountId();
        assertThat(failed(verify)).contains(
                "scp-attached:" + name + ":" + world.ou,
                "scp-content:" + name,
                "trail-data-selectors",
                "trail-logging",
                "shadow-user:" + acct + ":AeaApiKey-7f3a",
                "long-term-key:" + acct + ":" + keyId);
        CheckResult content = verify.checks().stream().filter(c -> c.check().equals("scp-content:" + name)).findFirst().orElseThrow();
        assertThat(content.evidence().get("unexpectedStatements").toString()).contains("Weakened");
        CheckResult selectors = verify.checks().stream().filter(c -> c.check().equals("trail-data-selectors")).findFirst().orElseThrow();
        assertThat(selectors.evidence().get("baselineAdvancedEventSelectors").toString()).contains("AWS::AWSExternalAnthropic::Workspace");
        assertThat(selectors.evidence().get("advancedEventSelectors").toString()).doesNotContain("AWS::AWSExternalAnthropic::Workspace");
        CheckResult key = verify.checks().stream().filter(c -> c.check().startsWith("long-term-key:")).findFirst().orElseThrow();
        assertThat(key.evidence()).containsEntry("userName", "AeaApiKey-7f3a").containsEntry("keyId", keyId).containsKey("created")
                .containsEntry("expires", "never");
        assertThat(verify.checks()).filteredOn(c -> c.check().startsWith("long-term-key:")).hasSize(1);

        EngineResult heal = world.run(Action.APPLY);
        assertThat(heal.changes()).isEqualTo(4); // update, attach, put selectors, start logging
        String snapshot = Files.readString(heal.artifacts().get(0));
        assertThat(snapshot).as("the snapshot keeps what apply replaced").contains("Weakened", "security-team: S3 object writes",
                "\"logging\" : false", world.sandboxAccount);
        assertThat(world.moto.advancedSelectors(LiveWorld.TRAIL, LiveWorld.REGION)).contains(LiveWorld.foreignSelector());

        EngineResult after = world.run(Action.VERIFY);
        assertThat(failed(after)).as("apply heals everything but the keys, which it never deletes")
                .containsExactlyInAnyOrder("shadow-user:" + acct + ":AeaApiKey-7f3a", "long-term-key:" + acct + ":" + keyId);
    }

    @Test
    void keyFindingsCanBeWarnings() throws Exception {
        world.writeConfig("targets: [" + world.ou + "]\n", "audit: {keyFindings: warn}\n");
        world.run(Action.APPLY);
        world.moto.createUser("AeaApiKey-warn", "/team/");
        world.moto.createServiceSpecificCredential("AeaApiKey-warn", AwsFacts.SERVICE_NAME);
        EngineResult verify = world.run(Action.VERIFY);
        assertThat(verify.compliant()).isTrue();
        assertThat(verify.checks()).filteredOn(c -> c.check().startsWith("long-term-key:") || c.check().startsWith("shadow-user:"))
                .hasSize(2).allMatch(c -> c.status() == CheckStatus.WARN);
    }

    @Test
    void reformattedContentIsNotDrift() throws Exception {
        world.run(Action.APPLY);
        String name = world.scpNames().get(0);
        String id = world.scpId(name);
        String live = world.moto.policyContent(id);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(live);
        String pretty = new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json);
        world.moto.organizations().updatePolicy(r -> r.policyId(id).content(pretty));
        assertThat(world.run(Action.PLAN).changes()).isZero();
        assertThat(world.run(Action.VERIFY).compliant()).isTrue();
    }

    @Test
    void aTargetWithoutAFreeSlotStopsTheRunBeforeAnyChange() throws Exception {
        world.writeConfig("targets: [" + world.ou + ", \"" + world.sandboxAccount + "\"]\n", "limits: {scpMaxPerTarget: 3}\n");
        world.moto.enableScps(world.org.rootId());
        String a = world.moto.createForeignScp("guardrail-a", "{\"Version\":\"2012-10-17\",\"Statement\":[]}", Map.of(), world.sandboxAccount);
        String b = world.moto.createForeignScp("guardrail-b", "{\"Version\":\"2012-10-17\",\"Statement\":[]}", Map.of(), world.sandboxAccount);

        assertThatThrownBy(() -> world.run(Action.APPLY))
                .isInstanceOf(AwsOperationException.class)
                .hasMessageContaining(world.sandboxAccount).hasMessageContaining("guardrail-a (" + a + ")")
                .hasMessageContaining("guardrail-b (" + b + ")").hasMessageContaining("FullAWSAccess")
                .satisfies(e -> assertThat(((AwsOperationException) e).kind()).isEqualTo(AwsOperationException.Kind.LIMIT_EXCEEDED));
        assertThat(world.moto.organizations().listPoliciesPaginator(r -> r.filter(PolicyType.SERVICE_CONTROL_POLICY)).stream()
                .flatMap(p -> p.policies().stream())).as("no SCP was created").noneMatch(p -> p.name().startsWith("claude-baseline"));
    }

    @Test
    void staleOwnedScpsAndUnconfiguredTargetsAreCleanedUpButForeignOnesAreNot() throws Exception {
        world.run(Action.APPLY);
        String foreign = world.moto.createForeignScp("claude-baseline-legacy", "{\"Version\":\"2012-10-17\",\"Statement\":[]}", Map.of(), world.ou);
        String stale = world.moto.organizations().createPolicy(r -> r.name("claude-baseline-old").description("old").type(PolicyType.SERVICE_CONTROL_POLICY)
                .content("{\"Version\":\"2012-10-17\",\"Statement\":[]}")
                .tags(t -> t.key(AwsFacts.OWNERSHIP_TAG_KEY).value(AwsFacts.OWNERSHIP_TAG_VALUE))).policy().policySummary().id();
        world.moto.organizations().attachPolicy(r -> r.policyId(stale).targetId(world.ou));
        world.writeConfig("targets: [" + world.ou + "]\n", "");

        EngineResult plan = world.run(Action.PLAN);
        String ours = world.scpId(world.scpNames().get(0));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> changes = (List<Map<String, Object>>) ((Map<String, Object>) plan.details().get("plan")).get("changes");
        assertThat(changes).extracting(c -> c.get("type") + " " + c.getOrDefault("policyId", "") + " " + c.getOrDefault("targetId", ""))
                .containsExactlyInAnyOrder("detach-scp " + ours + " " + world.sandboxAccount, "detach-scp " + stale + " " + world.ou,
                        "delete-scp " + stale + " ");

        world.run(Action.APPLY);
        assertThat(world.moto.scpIdsAttachedTo(world.sandboxAccount)).doesNotContain(ours);
        assertThat(world.moto.scpIdsAttachedTo(world.ou)).contains(ours, foreign).doesNotContain(stale);
        assertThat(world.run(Action.PLAN).changes()).isZero();
    }

    @Test
    void aMissingTrailOrAWrongHomeRegionIsNamedWithTheFix() throws Exception {
        world.writeConfig("targets: [" + world.ou + "]\n", "");
        String yaml = Files.readString(world.config);
        Files.writeString(world.config, yaml.replace("trailName: " + LiveWorld.TRAIL, "trailName: no-such-trail"));
        assertThatThrownBy(() -> world.run(Action.APPLY)).isInstanceOf(AwsOperationException.class)
                .hasMessageContaining("no-such-trail does not exist in us-east-1").hasMessageContaining("createTrail");
        assertThat(world.moto.organizations().listRoots().roots().get(0).policyTypes()).as("nothing changed").isEmpty();
        CheckResult missing = world.run(Action.VERIFY).checks().stream().filter(c -> c.check().equals("trail-exists")).findFirst().orElseThrow();
        assertThat(missing.status()).isEqualTo(CheckStatus.FAIL);

        Files.writeString(world.config, yaml.replace("homeRegion: " + LiveWorld.REGION, "homeRegion: eu-west-1"));
        assertThatThrownBy(() -> world.run(Action.PLAN)).hasMessageContaining("lives in us-east-1, not eu-west-1")
                .hasMessageContaining("homeRegion: us-east-1");
    }

    @Test
    void verifyForOneMemberAccountLeavesTheManagementKeyInventoryToTheOrganisationAudit() throws Exception {
        world.run(Action.APPLY);
        world.moto.createUser("AeaApiKey-mgmt", "/");
        EngineResult one = world.server.engine().run(world.server.request(Action.VERIFY, world.config).account(world.prodAccount).build(),
                world.progress::add);
        assertThat(one.checks()).noneMatch(c -> c.check().contains("AeaApiKey-mgmt"));
        // The release-gate question for one account includes whether the trail logs it (the world's trail is an organization trail).
        assertThat(one.checks()).anyMatch(c -> c.check().equals("trail-account-coverage:" + world.prodAccount) && c.status() == CheckStatus.PASS);
        EngineResult whole = world.run(Action.VERIFY);
        assertThat(whole.checks()).anyMatch(c -> c.check().equals("shadow-user:" + world.org.managementAccountId() + ":AeaApiKey-mgmt"));
    }

    @Test
    void aBlockedPlanNeverSaysTheOrganisationMatchesAndNamesEachBlockerOnce() throws Exception {
        world.run(Action.APPLY);
        String yaml = Files.readString(world.config);
        Files.writeString(world.config, yaml.replace("trailName: " + LiveWorld.TRAIL, "trailName: no-such-trail"));
        world.progress.clear();
        assertThatThrownBy(() -> world.run(Action.PLAN)).isInstanceOf(AwsOperationException.class)
                .hasMessageContaining("no-such-trail does not exist");
        // Nothing else needs changing, but the run is blocked: "matches the baseline" would be false comfort.
        assertThat(world.progress).noneMatch(l -> l.contains("matches the baseline"))
                .anyMatch(l -> l.contains("No changes planned") && l.contains("1 problem"));
        // The blocker is the error the caller prints; repeating it as a progress line printed it twice.
        assertThat(world.progress).noneMatch(l -> l.contains("no-such-trail does not exist"));
    }

    @Test
    void aGateThatRequiresAControlTheConfigSwitchedOffFailsThoughTheOrganisationStillHasIt() throws Exception {
        world.run(Action.APPLY);
        // Someone switches every SCP control off: the applied SCPs are now stale, and only the trail is asked for.
        Files.writeString(world.config, Files.readString(world.config).replace("controls:\n", "controls:\n  protectWorkspaces: false\n"
                + "  denyLongTermKeyCreation: false\n  denyShadowUsers: false\n  denyLongTermKeyUse: false\n"));
        EngineResult gate = world.server.engine().run(world.server.request(Action.VERIFY, world.config)
                .reportDir(dir.resolve("gate")).require(List.of("deny-long-term-key-use", "cloudtrail-data-events")).build(), world.progress::add);
        assertThat(gate.compliant()).isFalse();
        assertThat(gate.exitCode()).isEqualTo(ExitCode.DRIFT);
        assertThat(failed(gate)).contains("required-control:deny-long-term-key-use").anyMatch(c -> c.startsWith("scp-stale:"))
                .doesNotContain("required-control:cloudtrail-data-events");
    }

    private static List<String> failed(EngineResult r) {
        return r.checks().stream().filter(c -> c.status() == CheckStatus.FAIL).map(CheckResult::check).toList();
    }
}

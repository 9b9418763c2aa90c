package io.claudebaseline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.claudebaseline.aws.AwsClientFactory;
import io.claudebaseline.aws.AwsClientSettings;
import io.claudebaseline.aws.AwsClients;
import io.claudebaseline.aws.AwsOperation;
import io.claudebaseline.aws.AwsOperationException;
import io.claudebaseline.aws.AwsOperationException.Kind;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.facts.AwsFacts;
import io.claudebaseline.testing.FaultInjector;
import io.claudebaseline.testing.FaultInjector.Fault;
import io.claudebaseline.testing.MotoFixtures;
import io.claudebaseline.testing.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;

/**
 * AWS's strict behaviour that moto lacks, injected between the SDK and moto: each fault yields one sentence
 * naming the operation, the resource and the fix, never AWS's own message text, and an {@link AwsOperationException}
 * (exit code 1 in the adapters). A failure at every mutating call of an apply, then a re-run, converges.
 */
@ExtendWith(MotoServer.class)
class FaultInjectionTest {

    @TempDir
    Path dir;
    LiveWorld world;

    @BeforeEach
    void world(MotoServer server, MotoFixtures moto) throws Exception {
        world = new LiveWorld(server, moto, dir);
    }

    private AwsOperationException failure(Action action, FaultInjector faults) {
        AwsOperationException e = catchThrowableOfType(AwsOperationException.class, () -> world.run(action, faults));
        assertThat(e).as("%s with %s should fail", action, faults.calls()).isNotNull();
        assertThat(e.getMessage()).doesNotContain("INJECTED-AWS-MESSAGE").doesNotContain(MotoServer.SECRET_ACCESS_KEY)
                .doesNotContain(MotoServer.ACCESS_KEY_ID).endsWith(".");
        return e;
    }

    @Test
    void throttlingIsRetriedWithBackoffAndCounted(MotoServer server) throws Exception {
        FaultInjector faults = new FaultInjector().once("organizations:ListPolicies", Fault.THROTTLE);
        try (AwsClients aws = AwsClientFactory.create(server.request(Action.VERIFY, world.config).build(),
                AwsClientSettings.forTests().withHttpClientDecorator(faults))) {
            LiveStateReader.read(world.baseline(), aws, LiveStateReader.Options.FOR_CHANGES, l -> { });
            var stats = aws.callStats().snapshot().get("organizations:ListPolicies");
            assertThat(stats.calls()).isEqualTo(1);
            assertThat(stats.retries()).isEqualTo(1);
            assertThat(stats.throttled()).isEqualTo(1);
            assertThat(aws.callStats().totalThrottled()).isEqualTo(1);
        }
    }

    @Test
    void persistentThrottlingNamesTheOperationAndTheFix() {
        AwsOperationException e = failure(Action.PLAN, new FaultInjector().always("organizations:ListPolicies", Fault.THROTTLE));
        assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
        assertThat(e.operation()).isEqualTo("organizations:ListPolicies");
        assertThat(e.getMessage()).contains("organizations:ListPolicies", "throttled", "2 attempts", "TooManyRequestsException",
                AwsClientSettings.ENV_ORG_RATE_LIMIT);
    }

    @Test
    void accessDeniedNamesTheMissingIamAction() {
        AwsOperationException e = failure(Action.VERIFY, new FaultInjector().always("organizations:DescribeOrganization", Fault.ACCESS_DENIED));
        assertThat(e.kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(e.getMessage()).contains("lacks the IAM permission organizations:DescribeOrganization", "permissions --for <command>` (the one you ran: plan, apply, verify or destroy)");
        // verify --report-dir still leaves a junit.xml with the error, so Jenkins shows it instead of "no test reports found".
        assertThat(world.dir.resolve("reports/junit.xml")).content().contains("<error", "errors=\"1\"",
                "lacks the IAM permission organizations:DescribeOrganization");

        AwsOperationException iam = failure(Action.VERIFY, new FaultInjector().always("iam:ListServiceSpecificCredentials", Fault.ACCESS_DENIED));
        assertThat(iam.getMessage()).contains("lacks the IAM permission iam:ListServiceSpecificCredentials");

        AwsOperationException write = failure(Action.APPLY, new FaultInjector().always("organizations:CreatePolicy", Fault.ACCESS_DENIED));
        assertThat(write.getMessage()).contains("organizations:CreatePolicy on claude-baseline", "permissions --for apply");
    }

    @Test
    void policyTooLargeAndNoFreeSlotSayWhichLimitToSet() {
        AwsOperationException size = failure(Action.APPLY, new FaultInjector().always("organizations:CreatePolicy", Fault.POLICY_TOO_LARGE));
        assertThat(size.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
        assertThat(size.getMessage()).contains("size limit", "limits.scpMaxCharacters");

        AwsOperationException slots = failure(Action.APPLY, new FaultInjector().always("organizations:AttachPolicy", Fault.TOO_MANY_ATTACHMENTS));
        assertThat(slots.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
        assertThat(slots.getMessage()).contains("organizations:AttachPolicy on claude-baseline", "limits.scpMaxPerTarget");
    }

    @Test
    void concurrentModificationSaysToRunAgain() {
        AwsOperationException e = failure(Action.APPLY, new FaultInjector().always("organizations:AttachPolicy", Fault.CONCURRENT_MODIFICATION));
        assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
        assertThat(e.getMessage()).contains("another change", "run apply again");
    }

    @Test
    void aTimeoutIsReportedAsSuchAfterTheRetries() {
        AwsOperationException e = failure(Action.APPLY, new FaultInjector().always("cloudtrail:PutEventSelectors", Fault.TIMEOUT));
        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("cloudtrail:PutEventSelectors on trail org-trail in us-east-1", "timed out after 2 attempts");
    }

    @Test
    void aServerErrorIsUnavailable() {
        AwsOperationException e = failure(Action.VERIFY, new FaultInjector().always("cloudtrail:GetTrailStatus", Fault.SERVER_ERROR));
        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("cloudtrail:GetTrailStatus", "AWS's side");
    }

    /** Puts a world into the state an apply starts from; returns nothing, acts on {@code world}. */
    @FunctionalInterface
    interface Setup {
        void prepare(LiveWorld world) throws Exception;
    }

    /** A fresh organisation: enable, create, attach, put selectors. */
    static final Setup FRESH = w -> { };

    /** An applied baseline, then tampered so that healing needs every other kind of mutating call. */
    static final Setup TAMPERED = w -> {
        w.run(Action.APPLY);
        tamper(w);
    };

    /** The out-of-band edits of {@link #TAMPERED}, made to a world where the baseline is applied. */
    static void tamper(LiveWorld w) throws Exception {
        String id = w.scpId(w.scpNames().get(0));
        w.moto.organizations().updatePolicy(r -> r.policyId(id)
                .content("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Weakened\",\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"));
        w.moto.organizations().untagResource(r -> r.resourceId(id).tagKeys("owner"));
        w.moto.organizations().attachPolicy(r -> r.policyId(id).targetId(w.prodAccount));
        String stale = w.moto.organizations().createPolicy(r -> r.name("claude-baseline-old").description("old")
                .type("SERVICE_CONTROL_POLICY").content("{\"Version\":\"2012-10-17\",\"Statement\":[]}")
                .tags(t -> t.key(AwsFacts.OWNERSHIP_TAG_KEY).value(AwsFacts.OWNERSHIP_TAG_VALUE))).policy().policySummary().id();
        w.moto.organizations().attachPolicy(r -> r.policyId(stale).targetId(w.ou));
        w.moto.putAdvancedSelectors(LiveWorld.TRAIL, LiveWorld.REGION, List.of(LiveWorld.foreignSelector()));
        w.moto.stopLogging(LiveWorld.TRAIL, LiveWorld.REGION);
    }

    @Test
    void aFailureAtEveryMutatingCallOfAFreshApplyThenARerunConverges(MotoServer server, MotoFixtures moto) throws Exception {
        List<String> mutating = failAtEveryMutatingCall(server, moto, FRESH);
        assertThat(mutating).containsExactly("organizations:EnablePolicyType", "organizations:CreatePolicy", "organizations:AttachPolicy",
                "organizations:AttachPolicy", "cloudtrail:PutEventSelectors");
    }

    @Test
    void aFailureAtEveryMutatingCallOfAHealingApplyThenARerunConverges(MotoServer server, MotoFixtures moto) throws Exception {
        List<String> mutating = failAtEveryMutatingCall(server, moto, TAMPERED);
        assertThat(mutating).containsExactlyInAnyOrder("organizations:UpdatePolicy", "organizations:TagResource",
                "organizations:DetachPolicy", "organizations:DetachPolicy", "cloudtrail:PutEventSelectors", "cloudtrail:StartLogging",
                "organizations:DeletePolicy");
    }

    /**
     * Records the mutating calls of an apply from {@code setup}; then, for each of them and for two faults (one
     * before the call takes effect, one after), rebuilds the world, fails the apply at that call, re-runs apply
     * and checks the organisation converged with nothing foreign touched.
     */
    private List<String> failAtEveryMutatingCall(MotoServer server, MotoFixtures moto, Setup setup) throws Exception {
        prepare(server, moto, setup);
        List<String> mutating = mutatingCallsOfAnApply();
        Map<String, Integer> occurrence = new HashMap<>();
        Foreign converged = null;
        for (String call : mutating) {
            int nth = occurrence.merge(call, 1, Integer::sum) - 1;
            for (Fault fault : List.of(Fault.CONCURRENT_MODIFICATION, Fault.TIMEOUT_AFTER_EFFECT)) {
                // A healing apply starts from an applied baseline. The world the last round left is one: verify
                // found it compliant, plan found nothing to change and the foreign SCP and selector untouched. So
                // it is tampered again in a new folder rather than rebuilt and applied from scratch, which costs a
                // reset, a new organisation and a whole apply against moto for every round.
                Foreign foreign;
                if (setup == TAMPERED && converged != null) {
                    world = world.inDir(Files.createTempDirectory(dir, "run"));
                    tamper(world);
                    foreign = converged;
                } else {
                    foreign = prepare(server, moto, setup);
                }
                FaultInjector faults = new FaultInjector().at(call, nth, -1, fault);
                String label = fault + " at " + call + " #" + (nth + 1);
                assertThatThrownBy(() -> world.run(Action.APPLY, faults)).as(label).isInstanceOf(AwsOperationException.class);
                assertThat(faults.fired()).as(label).isPositive();
                assertThat(world.progress).as(label).anyMatch(l -> l.startsWith("apply stopped:"));
                try (var runs = Files.list(world.dir.resolve("out"))) {
                    Path failed = runs.filter(d -> Files.exists(d.resolve(Applier.FAILURE_FILE))).findFirst().orElseThrow();
                    assertThat(Files.readString(failed.resolve(Applier.FAILURE_FILE))).as(label).contains("\"done\"", "\"notDone\"");
                    assertThat(failed.resolve(Applier.SNAPSHOT_FILE)).as(label).exists();
                }

                EngineResult rerun = world.run(Action.APPLY);
                assertThat(rerun.compliant()).as(label).isTrue();
                assertThat(world.run(Action.PLAN).changes()).as(label + ": converged").isZero();
                assertThat(world.run(Action.VERIFY).compliant()).as(label).isTrue();
                assertThat(moto.policyContent(foreign.scpId())).as(label).isEqualTo(foreign.scpContent());
                assertThat(moto.scpIdsAttachedTo(world.ou)).as(label).contains(foreign.scpId(), AwsFacts.FULL_AWS_ACCESS_POLICY_ID);
                assertThat(moto.advancedSelectors(LiveWorld.TRAIL, LiveWorld.REGION)).as(label).contains(foreign.selector());
                converged = foreign;
            }
        }
        return mutating;
    }

    /** What someone else owns in the world, which no apply may change. */
    record Foreign(String scpId, String scpContent, AdvancedEventSelector selector) {}

    /** A fresh world with a foreign SCP and a foreign selector, brought into the state {@code setup} describes. */
    private Foreign prepare(MotoServer server, MotoFixtures moto, Setup setup) throws Exception {
        server.reset();
        world = new LiveWorld(server, moto, Files.createTempDirectory(dir, "run"));
        AdvancedEventSelector selector = LiveWorld.foreignSelector();
        moto.putAdvancedSelectors(LiveWorld.TRAIL, LiveWorld.REGION, List.of(selector));
        String content = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
        String scp = moto.createForeignScp("team-guardrail", content, Map.of("team", "x"), world.ou);
        setup.prepare(world);
        return new Foreign(scp, content, selector);
    }

    /** The mutating calls an apply of the current world makes, in order, recorded from a fault-free apply. */
    private List<String> mutatingCallsOfAnApply() throws Exception {
        FaultInjector recorder = new FaultInjector();
        world.run(Action.APPLY, recorder);
        List<String> out = new ArrayList<>();
        for (String call : recorder.calls()) {
            AwsOperation op = AwsOperation.byIamAction(call).orElseThrow(() -> new AssertionError("call not in the operation table: " + call));
            if (op.mutating()) {
                out.add(call);
            }
        }
        return out;
    }
}

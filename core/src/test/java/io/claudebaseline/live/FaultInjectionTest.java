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
import io.claudebaseline.engine.Action;
import io.claudebaseline.engine.EngineResult;
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
        assertThat(e.getMessage()).contains("lacks the IAM permission organizations:DescribeOrganization", "permissions --for verify");

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

    @Test
    void aFailureAtEveryMutatingCallOfAnApplyThenARerunConverges(MotoServer server, MotoFixtures moto) throws Exception {
        List<String> mutating = mutatingCallsOfAFreshApply(server);
        assertThat(mutating).contains("organizations:EnablePolicyType", "organizations:CreatePolicy", "organizations:AttachPolicy",
                "cloudtrail:PutEventSelectors");

        Map<String, Integer> occurrence = new HashMap<>();
        for (String call : mutating) {
            int nth = occurrence.merge(call, 1, Integer::sum) - 1;
            for (Fault fault : List.of(Fault.CONCURRENT_MODIFICATION, Fault.TIMEOUT_AFTER_EFFECT)) {
                server.reset();
                world = new LiveWorld(server, moto, Files.createTempDirectory(dir, "run"));
                AdvancedEventSelector foreignSelector = LiveWorld.foreignSelector();
                moto.putAdvancedSelectors(LiveWorld.TRAIL, LiveWorld.REGION, List.of(foreignSelector));
                String foreignContent = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
                String foreignScp = moto.createForeignScp("team-guardrail", foreignContent, Map.of("team", "x"), world.ou);

                FaultInjector faults = new FaultInjector().at(call, nth, -1, fault);
                String label = fault + " at " + call + " #" + (nth + 1);
                assertThatThrownBy(() -> world.run(Action.APPLY, faults)).as(label).isInstanceOf(AwsOperationException.class);
                assertThat(world.progress).as(label).anyMatch(l -> l.startsWith("apply stopped:"));

                EngineResult rerun = world.run(Action.APPLY);
                assertThat(rerun.compliant()).as(label).isTrue();
                assertThat(world.run(Action.PLAN).changes()).as(label + ": converged").isZero();
                assertThat(world.run(Action.VERIFY).compliant()).as(label).isTrue();
                assertThat(moto.policyContent(foreignScp)).as(label).isEqualTo(foreignContent);
                assertThat(moto.scpIdsAttachedTo(world.ou)).as(label).contains(foreignScp, AwsFacts.FULL_AWS_ACCESS_POLICY_ID);
                assertThat(moto.advancedSelectors(LiveWorld.TRAIL, LiveWorld.REGION)).as(label).contains(foreignSelector);
            }
        }
    }

    /** The mutating calls a fresh apply makes, in order (from a recording, fault-free run). */
    private List<String> mutatingCallsOfAFreshApply(MotoServer server) throws Exception {
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

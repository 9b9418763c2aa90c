package io.claudebaseline.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claudebaseline.aws.AwsOperation;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.testing.FaultInjector;
import io.claudebaseline.testing.MotoFixtures;
import io.claudebaseline.testing.MotoServer;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;

/**
 * {@code usage} says whether the trail logged Claude data events during the window, rebuilt from its selectors and
 * logging status today (moto) and its changes in CloudTrail's event history (LookupEvents, which moto 5.2.1 lacks:
 * answered by {@link CloudTrailHistoryEndpoint} in front of moto).
 */
@ExtendWith(MotoServer.class)
class UsageSelectorHistoryTest {
    @TempDir
    Path dir;

    static final String ARN = "arn:aws:cloudtrail:us-east-1:" + MotoServer.DEFAULT_ACCOUNT_ID + ":trail/" + UsageWorld.TRAIL;
    static final String OPS = "arn:aws:iam::" + MotoServer.DEFAULT_ACCOUNT_ID + ":role/ops-admin";

    /** The trail as it is today, in moto. */
    private static void today(MotoFixtures moto, boolean dataSelector, boolean logging) {
        try (CloudTrailClient ct = moto.cloudTrail(UsageWorld.REGION)) {
            List<AdvancedEventSelector> selectors = new java.util.ArrayList<>(List.of(AdvancedEventSelector.builder().name("Management events")
                    .fieldSelectors(AdvancedFieldSelector.builder().field("eventCategory").equalsValue("Management").build()).build()));
            if (dataSelector) {
                selectors.add(AdvancedEventSelector.builder().name("claude-baseline: Claude Platform data events").fieldSelectors(
                        AdvancedFieldSelector.builder().field("eventCategory").equalsValue("Data").build(),
                        AdvancedFieldSelector.builder().field("resources.type").equalsValue("AWS::AWSExternalAnthropic::Workspace").build()).build());
            }
            ct.putEventSelectors(r -> r.trailName(UsageWorld.TRAIL).advancedEventSelectors(selectors));
            if (logging) {
                ct.startLogging(r -> r.name(UsageWorld.TRAIL));
            }
        }
    }

    private static ObjectNode put(Instant t, boolean data) {
        return CloudTrailHistoryEndpoint.trailCall("PutEventSelectors", t, UsageWorld.TRAIL, ARN, OPS, CloudTrailHistoryEndpoint.recordSelectors(data));
    }

    private static ObjectNode call(String name, Instant t) {
        return CloudTrailHistoryEndpoint.trailCall(name, t, UsageWorld.TRAIL, ARN, OPS, null);
    }

    private EngineResult run(UsageWorld world, CloudTrailHistoryEndpoint history, FaultInjector faults) throws Exception {
        return world.run(world.request(Action.USAGE).endpointUrl(history.endpoint()).build(), faults);
    }

    private static CheckResult events(EngineResult r) {
        return r.checks().stream().filter(c -> c.check().equals("usage-events")).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> during(EngineResult r) {
        return (Map<String, Object>) ((Map<String, Object>) r.details().get("usageWindow")).get("dataSelectorDuringWindow");
    }

    @Test
    void inPlaceThroughoutAWindowWithEvents(MotoServer server, MotoFixtures moto) throws Exception {
        try (UsageWorld world = new UsageWorld(server, moto, dir, false); CloudTrailHistoryEndpoint history = new CloudTrailHistoryEndpoint(server.endpoint())) {
            world.deliverToS3();
            today(moto, true, true);
            Instant tenDaysAgo = world.from.minus(Duration.ofDays(10));
            history.add(put(tenDaysAgo, true));
            history.add(call("StartLogging", tenDaysAgo.plusSeconds(5)));
            // Another trail's changes are in the same history and are not this trail's.
            for (int i = 0; i < 3; i++) {
                history.add(CloudTrailHistoryEndpoint.trailCall("PutEventSelectors", world.base.plusSeconds(i), "other-trail",
                        ARN.replace(UsageWorld.TRAIL, "other-trail"), OPS, CloudTrailHistoryEndpoint.recordSelectors(false)));
            }
            FaultInjector recorder = new FaultInjector();
            EngineResult r = run(world, history, recorder);

            assertThat(events(r).status()).isEqualTo(CheckStatus.PASS);
            assertThat(events(r).message()).as("no gap to report").isEqualTo("12 Claude Platform events between " + world.from + " and "
                    + world.to + " in s3://org-trail-logs/cloudtrail/AWSLogs/.");
            assertThat(r.summary()).contains("The trail's Claude data-event selector was in place, and the trail logging, throughout the window."
                    + " Today the trail's selectors log Claude data events.");
            assertThat(during(r)).containsEntry("state", "THROUGHOUT");
            // One lookup attribute per call (AWS's rule), one call per event name, paged by the SDK's paginator.
            assertThat(history.lookups()).allSatisfy(l -> assertThat(l.path("LookupAttributes").size()).isEqualTo(1));
            assertThat(history.lookups().stream().map(l -> l.path("LookupAttributes").get(0).path("AttributeValue").asText()).distinct())
                    .containsExactlyElementsOf(io.claudebaseline.facts.AwsFacts.TRAIL_CHANGE_EVENT_NAMES);
            assertThat(history.lookups().stream().filter(l -> l.toString().contains("PutEventSelectors"))).as("4 events, 2 a page").hasSize(2);
            assertThat(recorder.calls()).contains("cloudtrail:LookupEvents", "cloudtrail:GetTrailStatus");
            assertThat(recorder.calls()).allSatisfy(c -> assertThat(AwsOperation.byIamAction(c)).hasValueSatisfying(op -> {
                assertThat(op.commands()).contains(AwsOperation.Command.USAGE);
                assertThat(op.mutating()).isFalse();
            }));
        }
    }

    @Test
    void anEmptyWindowWithTheSelectorInPlaceSaysNothingCalled(MotoServer server, MotoFixtures moto) throws Exception {
        try (UsageWorld world = new UsageWorld(server, moto, dir, false); CloudTrailHistoryEndpoint history = new CloudTrailHistoryEndpoint(server.endpoint())) {
            today(moto, true, true);
            EngineResult r = run(world, history, new FaultInjector());
            assertThat(events(r).status()).isEqualTo(CheckStatus.WARN);
            assertThat(events(r).message()).startsWith("No Claude Platform events between ").contains(
                    "The trail's Claude data-event selector was in place, and the trail logging, throughout the window.",
                    "So nothing called Claude Platform's data APIs on a configured workspace then");
        }
    }

    @Test
    void addedMidWindowSaysFromWhenAndByWhom(MotoServer server, MotoFixtures moto) throws Exception {
        try (UsageWorld world = new UsageWorld(server, moto, dir, false); CloudTrailHistoryEndpoint history = new CloudTrailHistoryEndpoint(server.endpoint())) {
            today(moto, true, true);
            Instant old = world.from.minus(Duration.ofDays(10));
            history.add(put(old, false));
            history.add(call("StartLogging", old));
            history.add(put(world.base, true));
            ObjectNode failed = put(world.base.plusSeconds(60), false);
            failed.put("errorCode", "AccessDenied");
            history.add(failed);
            EngineResult r = run(world, history, new FaultInjector());
            assertThat(events(r).message()).contains("The trail's Claude data-event selector was in place only from " + world.base
                    + " (PutEventSelectors by " + OPS + "); before then the trail's selectors did not capture every configured workspace's"
                    + " data events.", "Only the times it was in place could hold data events.");
            assertThat(during(r)).containsEntry("state", "FROM");
        }
    }

    @Test
    void removedMidWindowSaysUntilWhen(MotoServer server, MotoFixtures moto) throws Exception {
        try (UsageWorld world = new UsageWorld(server, moto, dir, false); CloudTrailHistoryEndpoint history = new CloudTrailHistoryEndpoint(server.endpoint())) {
            today(moto, false, true);
            Instant old = world.from.minus(Duration.ofDays(10));
            history.add(put(old, true));
            history.add(call("StartLogging", old));
            history.add(put(world.base, false));
            EngineResult r = run(world, history, new FaultInjector());
            assertThat(events(r).message()).contains("The trail's Claude data-event selector was in place only until " + world.base
                    + " (PutEventSelectors by " + OPS + "); after then the trail's selectors did not capture every configured workspace's"
                    + " data events.", "Today the trail's selectors do NOT log Claude data events.");
            assertThat(during(r)).containsEntry("state", "UNTIL");
        }
    }

    @Test
    void stopLoggingMidWindowMeansNoEventsAfterIt(MotoServer server, MotoFixtures moto) throws Exception {
        try (UsageWorld world = new UsageWorld(server, moto, dir, false); CloudTrailHistoryEndpoint history = new CloudTrailHistoryEndpoint(server.endpoint())) {
            today(moto, true, false);
            Instant old = world.from.minus(Duration.ofDays(10));
            history.add(put(old, true));
            history.add(call("StartLogging", old));
            history.add(call("StopLogging", world.base));
            EngineResult r = run(world, history, new FaultInjector());
            assertThat(events(r).message()).contains("was in place only until " + world.base + " (StopLogging by " + OPS
                    + "); after then the trail was not logging (StopLogging).", "Today the trail's selectors log Claude data events and the trail is NOT logging.");
        }
    }

    @Test
    void neverInPlaceTellsToApply(MotoServer server, MotoFixtures moto) throws Exception {
        try (UsageWorld world = new UsageWorld(server, moto, dir, false); CloudTrailHistoryEndpoint history = new CloudTrailHistoryEndpoint(server.endpoint())) {
            today(moto, false, true);
            EngineResult r = run(world, history, new FaultInjector());
            assertThat(events(r).message()).contains("The trail's Claude data-event selector was NOT in place at any time in the window:"
                    + " the trail's selectors did not capture every configured workspace's data events.",
                    "run apply with controls.cloudTrailDataEvents on");
            assertThat(during(r)).containsEntry("state", "NEVER");
            assertThat(r.summary()).contains("was NOT in place at any time in the window");
        }
    }

    @Test
    void historyDeniedSaysUnknownAndTheActionToGrantAndStillReports(MotoServer server, MotoFixtures moto) throws Exception {
        try (UsageWorld world = new UsageWorld(server, moto, dir, false); CloudTrailHistoryEndpoint history = new CloudTrailHistoryEndpoint(server.endpoint())) {
            today(moto, true, true);
            EngineResult r = run(world, history, new FaultInjector().always("cloudtrail:LookupEvents", FaultInjector.Fault.ACCESS_DENIED));
            assertThat(events(r).message()).contains("Whether the trail's Claude data-event selector was in place in the window is unknown:"
                    + " cloudtrail:LookupEvents on trail org-trail in us-east-1 was denied, so the trail's changes cannot be read; grant"
                    + " cloudtrail:LookupEvents (claude-baseline permissions --for usage) to tell.", "Today the trail's selectors log Claude data events.")
                    .doesNotContain("INJECTED-AWS-MESSAGE");
            assertThat(during(r)).containsEntry("state", "UNKNOWN");
            assertThat(history.lookups()).as("the refusal came before the endpoint").isEmpty();
        }
    }

    @Test
    void aRefusedGetTrailStatusFailsBeforeAnyEventIsRead(MotoServer server, MotoFixtures moto) throws Exception {
        try (UsageWorld world = new UsageWorld(server, moto, dir, false); CloudTrailHistoryEndpoint history = new CloudTrailHistoryEndpoint(server.endpoint())) {
            world.deliverToS3();
            FaultInjector faults = new FaultInjector().always("cloudtrail:GetTrailStatus", FaultInjector.Fault.ACCESS_DENIED);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(world, history, faults))
                    .isInstanceOf(io.claudebaseline.aws.AwsOperationException.class)
                    .hasMessageContaining("cloudtrail:GetTrailStatus on trail org-trail in us-east-1 was denied")
                    .hasMessageContaining("lacks the IAM permission cloudtrail:GetTrailStatus");
            assertThat(faults.calls()).noneMatch(c -> c.startsWith("s3:"));
        }
    }

    @Test
    void permissionsForUsageIncludeLookupEventsAndStayReadOnly() throws Exception {
        JsonNode policy = new com.fasterxml.jackson.databind.ObjectMapper().readTree(io.claudebaseline.aws.Permissions.policyFor("usage"));
        List<String> actions = new java.util.ArrayList<>();
        policy.path("Statement").forEach(s -> s.path("Action").forEach(a -> actions.add(a.asText())));
        assertThat(actions).contains("cloudtrail:LookupEvents", "cloudtrail:GetTrailStatus", "cloudtrail:GetEventSelectors");
        assertThat(actions).allSatisfy(a -> assertThat(AwsOperation.byIamAction(a).orElseThrow().mutating()).as(a).isFalse());
    }
}

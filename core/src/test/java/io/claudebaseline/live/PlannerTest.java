package io.claudebaseline.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claudebaseline.aws.AwsOperationException.Kind;
import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.config.ControlsConfig;
import io.claudebaseline.config.LimitsConfig;
import io.claudebaseline.config.WorkspaceConfig;
import io.claudebaseline.facts.AwsFacts;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.model.Control;
import io.claudebaseline.model.ScpDocument;
import io.claudebaseline.model.TrailSelectors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** diff(Baseline, LiveState) without AWS: the AWS rules moto skips are enforced here. */
class PlannerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String OU = "ou-ab12-11111111";
    static final String ACCOUNT = "444455556666";
    static final String CONTENT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyKeyUse\",\"Effect\":\"Deny\","
            + "\"Action\":\"aws-external-anthropic:CallWithBearerToken\",\"Resource\":\"*\","
            + "\"Condition\":{\"StringEquals\":{\"aws-external-anthropic:BearerTokenType\":\"LONG_TERM\"}}}]}";
    static final Map<String, String> OWNED_TAGS = Map.of(AwsFacts.OWNERSHIP_TAG_KEY, AwsFacts.OWNERSHIP_TAG_VALUE);

    static ObjectNode json(String s) {
        try {
            return (ObjectNode) JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static final ObjectNode DATA = json("{\"Name\":\"" + TrailSelectors.DATA_SELECTOR_NAME + "\",\"FieldSelectors\":["
            + "{\"Field\":\"eventCategory\",\"Equals\":[\"Data\"]},{\"Field\":\"resources.type\",\"Equals\":[\"" + AwsFacts.WORKSPACE_RESOURCE_TYPE + "\"]}]}");
    static final ObjectNode FOREIGN = json("{\"Name\":\"theirs\",\"FieldSelectors\":[{\"Field\":\"eventCategory\",\"Equals\":[\"Data\"]},"
            + "{\"Field\":\"resources.type\",\"Equals\":[\"AWS::S3::Object\"]}]}");

    static Baseline baseline(int maxPerTarget, int maxChars, List<ScpDocument> scps, List<String> targets) {
        BaselineConfig config = new BaselineConfig(1, "claude-baseline", targets,
                List.of(new WorkspaceConfig("wrkspc_01AbCdEf23GhIj", "us-east-1", "111122223333", List.of("arn:aws:iam::111122223333:role/x"), null)),
                List.of(), ControlsConfig.defaults(), null, new LimitsConfig(maxChars, maxPerTarget, null), Map.of("owner", "sec"), null, null, null);
        Map<String, String> tags = new LinkedHashMap<>(Map.of("owner", "sec"));
        tags.putAll(OWNED_TAGS);
        return new Baseline(config, scps, targets, Optional.of(new TrailSelectors("org-trail", "us-east-1", List.of(DATA))), tags);
    }

    static Baseline baseline() {
        return baseline(10, 10240, List.of(scp("claude-baseline-1", CONTENT)), List.of(OU, ACCOUNT));
    }

    static ScpDocument scp(String name, String content) {
        return new ScpDocument(name, "baseline", List.of(Control.DENY_LONG_TERM_KEY_USE), List.of(), content);
    }

    static LiveState.Trail trail(boolean logging, List<ObjectNode> advanced, List<ObjectNode> basic) {
        return new LiveState.Trail("org-trail", "arn:aws:cloudtrail:us-east-1:1:trail/org-trail", "us-east-1", true, true, true, logging, advanced, basic);
    }

    static LiveState live(boolean scpEnabled, Map<String, LiveState.Scp> owned, Map<String, List<LiveState.PolicyRef>> attachments,
                          LiveState.Trail trail) {
        return new LiveState(new LiveState.Organization("o-1", "123456789012", "ALL", "r-ab12", scpEnabled), owned, List.of(), attachments,
                Optional.of(new LiveState.TrailLookup("org-trail", "us-east-1", trail, trail == null ? "trail org-trail does not exist in us-east-1" : null)),
                Optional.empty());
    }

    static Map<String, List<LiveState.PolicyRef>> onlyFullAccess() {
        Map<String, List<LiveState.PolicyRef>> m = new LinkedHashMap<>();
        m.put(OU, List.of(new LiveState.PolicyRef(AwsFacts.FULL_AWS_ACCESS_POLICY_ID, "FullAWSAccess", true)));
        m.put(ACCOUNT, List.of(new LiveState.PolicyRef(AwsFacts.FULL_AWS_ACCESS_POLICY_ID, "FullAWSAccess", true)));
        return m;
    }

    static List<String> types(Plan plan) {
        return plan.changes().stream().map(c -> c.getClass().getSimpleName()).toList();
    }

    @Test
    void anEmptyOrganisationGetsEverythingInOrder() {
        Plan plan = Planner.plan(baseline(), live(false, Map.of(), onlyFullAccess(), trail(false, List.of(), List.of())));
        assertThat(plan.blockers()).isEmpty();
        assertThat(types(plan)).containsExactly("EnablePolicyType", "CreateScp", "AttachScp", "AttachScp", "PutEventSelectors", "StartLogging");
        Change.CreateScp create = (Change.CreateScp) plan.changes().get(1);
        assertThat(create.tags()).containsEntry(AwsFacts.OWNERSHIP_TAG_KEY, AwsFacts.OWNERSHIP_TAG_VALUE).containsEntry("owner", "sec");
        assertThat(plan.toJson().path("changes").get(1).path("type").asText()).isEqualTo("create-scp");
        assertThat(plan.countsByType()).containsEntry("attach-scp", 2);
    }

    @Test
    void aMatchingOrganisationPlansNothingEvenWhenReformatted() {
        String reformatted = "{\n  \"Statement\": {\"Resource\": [\"*\"], \"Effect\": \"Deny\", \"Sid\": \"DenyKeyUse\",\n"
                + "  \"Condition\":{\"StringEquals\":{\"aws-external-anthropic:BearerTokenType\":[\"LONG_TERM\"]}},"
                + "  \"Action\": [\"aws-external-anthropic:callwithbearertoken\"]},\n  \"Version\": \"2012-10-17\"}";
        Map<String, String> tags = new LinkedHashMap<>(OWNED_TAGS);
        tags.put("owner", "sec");
        var owned = Map.of("claude-baseline-1", new LiveState.Scp("p-1", "claude-baseline-1", "baseline", reformatted, tags, List.of(OU, ACCOUNT)));
        Plan plan = Planner.plan(baseline(), live(true, owned, onlyFullAccess(), trail(true, List.of(FOREIGN, DATA), List.of())));
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.blockers()).isEmpty();
    }

    @Test
    void changedContentIsAnUpdateWithAReadableStatementDiff() {
        String weakened = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Weak\",\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
        var owned = Map.of("claude-baseline-1", new LiveState.Scp("p-1", "claude-baseline-1", "old description", weakened,
                Map.of(AwsFacts.OWNERSHIP_TAG_KEY, AwsFacts.OWNERSHIP_TAG_VALUE), List.of(OU, ACCOUNT)));
        Plan plan = Planner.plan(baseline(), live(true, owned, onlyFullAccess(), trail(true, List.of(DATA), List.of())));
        assertThat(types(plan)).containsExactly("UpdateScp", "TagScp");
        Change.UpdateScp u = (Change.UpdateScp) plan.changes().get(0);
        assertThat(u.contentChanged()).isTrue();
        assertThat(u.descriptionChanged()).isTrue();
        assertThat(u.diff()).hasSize(2);
        assertThat(u.diff().get(0)).startsWith("- ").contains("Weak");
        assertThat(u.diff().get(1)).startsWith("+ ").contains("DenyKeyUse");
        assertThat(((Change.TagScp) plan.changes().get(1)).tags()).containsOnlyKeys("owner");
        assertThat(u.describe()).contains("1 statement(s) out, 1 in");
    }

    @Test
    void aTargetWithoutRoomIsABlockerNamingWhatOccupiesIt() {
        Map<String, List<LiveState.PolicyRef>> attachments = onlyFullAccess();
        List<LiveState.PolicyRef> full = new ArrayList<>(attachments.get(OU));
        full.add(new LiveState.PolicyRef("p-ct", "aws-guardrails-ControlTower", false));
        attachments.put(OU, full);
        Plan plan = Planner.plan(baseline(2, 10240, List.of(scp("claude-baseline-1", CONTENT)), List.of(OU, ACCOUNT)),
                live(true, Map.of(), attachments, trail(true, List.of(DATA), List.of())));
        assertThat(plan.blockers()).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
            assertThat(b.operation()).isEqualTo("organizations:AttachPolicy");
            assertThat(b.resource()).isEqualTo(OU);
            assertThat(b.getMessage()).contains("2 of its 2 SCP slots", "FullAWSAccess (p-FullAWSAccess)", "aws-guardrails-ControlTower (p-ct)",
                    "needs 1 more", "limits.scpMaxPerTarget");
            // The layout is already combined: advising it would send the user nowhere.
            assertThat(b.getMessage()).doesNotContain("use layout: combined");
        });
    }

    @Test
    void whenOnlyDetachingFirstFreesTheSlotItDetachesFirst() {
        Map<String, List<LiveState.PolicyRef>> attachments = onlyFullAccess();
        attachments.put(OU, List.of(attachments.get(OU).get(0), new LiveState.PolicyRef("p-old", "claude-baseline-old", false)));
        var owned = new LinkedHashMap<String, LiveState.Scp>();
        owned.put("claude-baseline-old", new LiveState.Scp("p-old", "claude-baseline-old", "x", CONTENT, OWNED_TAGS, List.of(OU)));
        Plan plan = Planner.plan(baseline(2, 10240, List.of(scp("claude-baseline-1", CONTENT)), List.of(OU)),
                live(true, owned, attachments, trail(true, List.of(DATA), List.of())));
        assertThat(plan.blockers()).isEmpty();
        assertThat(plan.changes()).extracting(Change::describe).containsExactly(
                "create SCP claude-baseline-1 (" + CONTENT.length() + " characters)",
                "detach SCP claude-baseline-old (p-old) from " + OU + ": SCP no longer in the baseline",
                "attach SCP claude-baseline-1 to " + OU,
                "delete SCP claude-baseline-old (p-old): no longer in the baseline");
    }

    @Test
    void withRoomItAttachesBeforeDetachingSoProtectionNeverLapses() {
        var owned = new LinkedHashMap<String, LiveState.Scp>();
        owned.put("claude-baseline-old", new LiveState.Scp("p-old", "claude-baseline-old", "x", CONTENT, OWNED_TAGS, List.of(OU)));
        Plan plan = Planner.plan(baseline(10, 10240, List.of(scp("claude-baseline-1", CONTENT)), List.of(OU)),
                live(true, owned, onlyFullAccess(), trail(true, List.of(DATA), List.of())));
        assertThat(types(plan)).containsExactly("CreateScp", "AttachScp", "DetachScp", "DeleteScp");
    }

    @Test
    void anScpOverTheSizeLimitIsABlocker() {
        Plan plan = Planner.plan(baseline(10, 100, List.of(scp("claude-baseline-1", CONTENT)), List.of(OU)),
                live(true, Map.of(), onlyFullAccess(), trail(true, List.of(DATA), List.of())));
        assertThat(plan.blockers()).singleElement().satisfies(b -> assertThat(b.getMessage())
                .contains("claude-baseline-1 is " + CONTENT.length() + " characters", "limits.scpMaxCharacters (100)"));
    }

    @Test
    void managementOnlyBasicSelectorsAreConvertedAndKept() {
        ObjectNode basic = json("{\"ReadWriteType\":\"WriteOnly\",\"IncludeManagementEvents\":true,\"DataResources\":[],"
                + "\"ExcludeManagementEventSources\":[\"kms.amazonaws.com\"]}");
        Plan plan = Planner.plan(baseline(), live(true, Map.of(), onlyFullAccess(), trail(true, List.of(), List.of(basic))));
        Change.PutEventSelectors put = plan.changes().stream().filter(c -> c instanceof Change.PutEventSelectors)
                .map(c -> (Change.PutEventSelectors) c).findFirst().orElseThrow();
        assertThat(put.after()).hasSize(2);
        assertThat(put.after().get(0).toString()).contains("Management", "readOnly", "\"false\"", "eventSource", "NotEquals", "kms.amazonaws.com");
        assertThat(put.after().get(1)).isEqualTo(DATA);
        assertThat(put.basicBefore()).containsExactly(basic);
    }

    @Test
    void basicSelectorsWithDataResourcesAreABlockerBecauseWritingWouldDropThem() {
        ObjectNode basic = json("{\"ReadWriteType\":\"All\",\"IncludeManagementEvents\":true,"
                + "\"DataResources\":[{\"Type\":\"AWS::S3::Object\",\"Values\":[\"arn:aws:s3\"]}]}");
        Plan plan = Planner.plan(baseline(), live(true, Map.of(), onlyFullAccess(), trail(true, List.of(), List.of(basic))));
        assertThat(plan.changes()).noneMatch(c -> c instanceof Change.PutEventSelectors);
        assertThat(plan.blockers()).singleElement().satisfies(b -> assertThat(b.getMessage()).contains("basic event selectors", "advanced"));
    }

    @Test
    void tooManySelectorValuesIsABlocker() {
        ObjectNode big = json("{\"Name\":\"theirs\",\"FieldSelectors\":[{\"Field\":\"eventCategory\",\"Equals\":[\"Data\"]},"
                + "{\"Field\":\"resources.ARN\",\"StartsWith\":" + JSON.valueToTree(java.util.Collections.nCopies(499, "arn:x")) + "}]}");
        Plan plan = Planner.plan(baseline(), live(true, Map.of(), onlyFullAccess(), trail(true, List.of(big), List.of())));
        assertThat(plan.blockers()).singleElement().satisfies(b -> assertThat(b.getMessage()).contains("502 selector values", "500"));
    }

    @Test
    void aMissingTrailIsABlockerThatSaysHowToCreateIt() {
        Plan plan = Planner.plan(baseline(), live(true, Map.of(), onlyFullAccess(), null));
        assertThat(plan.blockers()).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(Kind.NOT_FOUND);
            assertThat(b.getMessage()).startsWith("Trail org-trail does not exist in us-east-1");
        });
    }

    @Test
    void consolidatedBillingOrganisationsAreABlocker() {
        LiveState live = new LiveState(new LiveState.Organization("o-1", "123456789012", "CONSOLIDATED_BILLING", "r-1", false), Map.of(),
                List.of(), onlyFullAccess(), Optional.empty(), Optional.empty());
        assertThat(Planner.plan(baseline(), live).blockers()).anySatisfy(b -> assertThat(b.getMessage()).contains("enable all features"));
    }
}

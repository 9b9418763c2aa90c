package io.claudebaseline.org;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.aws.AwsClients;
import io.claudebaseline.aws.CallStats;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.facts.AwsFacts;
import io.claudebaseline.live.LiveOperations;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.testing.MemberAccountFixtures;
import io.claudebaseline.testing.MotoFixtures;
import io.claudebaseline.testing.MotoServer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.Tag;

/**
 * Call counts (not timings) on a moto organisation of 60 member accounts in 8 OUs (4 top-level, 4 nested), read
 * from the clients' own {@link CallStats}.
 *
 * <p>Issue #6's budget for a whole verify, excluding the member-account audit: U + ⌈A/20⌉ + 3 × (owned SCPs) + 10
 * Organizations calls. The audit-only tests pin the organisation audit's own share exactly, per operation.
 */
@ExtendWith(MotoServer.class)
class OrgCallBudgetTest {

    static final int OUS = 8;
    static final int MEMBERS = 60;
    static final int ACCOUNTS = MEMBERS + 1; // the management account is listed too

    static long budget(int ownedScps) {
        return OUS + ceilDiv(ACCOUNTS, 20) + 3L * ownedScps + 10;
    }

    // ------------------------------------------------------------------ whole verify

    @Test
    void verifyWithScpsOnTheRootStaysWithinTheBudget(MotoServer server, MotoFixtures moto) throws Exception {
        MemberAccountFixtures.GeneratedOrg g = MemberAccountFixtures.generate(moto, OUS, MEMBERS);
        CallStats stats = verify(server, moto, List.of(g.org().rootId()));
        assertThat(stats.callsTo("organizations")).isLessThanOrEqualTo(budget(2));
        assertNeverPerAccount(stats);
    }

    @Test
    void verifyWithScpsOnTopLevelOusStaysWithinTheBudget(MotoServer server, MotoFixtures moto) throws Exception {
        MemberAccountFixtures.GeneratedOrg g = MemberAccountFixtures.generate(moto, OUS, MEMBERS);
        CallStats stats = verify(server, moto, g.ous().subList(0, 4));
        assertThat(stats.callsTo("organizations")).isLessThanOrEqualTo(budget(2));
        assertNeverPerAccount(stats);
    }

    @Test
    void verifyOfAMostlyUncoveredOrganisationStaysWithinTheBudget(MotoServer server, MotoFixtures moto) throws Exception {
        MemberAccountFixtures.GeneratedOrg g = MemberAccountFixtures.generate(moto, OUS, MEMBERS);
        CallStats stats = verify(server, moto, List.of(g.ous().get(7)));
        assertThat(stats.callsTo("organizations")).isLessThanOrEqualTo(budget(2));
        assertNeverPerAccount(stats);
    }

    /** Creates the baseline's two SCPs as apply would (named, tagged as ours), attaches them, runs verify. */
    private static CallStats verify(MotoServer server, MotoFixtures moto, List<String> targets) throws Exception {
        Baseline baseline = OrgTestSupport.baseline(OrgTestSupport.config("targets: [ROOT]\n"),
                "claude-baseline-1", "claude-baseline-2");
        for (String name : List.of("claude-baseline-1", "claude-baseline-2")) {
            String id = moto.organizations().createPolicy(r -> r.name(name).description("test").type(PolicyType.SERVICE_CONTROL_POLICY)
                    .content("{\"Version\":\"2012-10-17\",\"Statement\":[]}")
                    .tags(Tag.builder().key(AwsFacts.OWNERSHIP_TAG_KEY).value(AwsFacts.OWNERSHIP_TAG_VALUE).build()))
                    .policy().policySummary().id();
            for (String target : targets) {
                moto.organizations().attachPolicy(r -> r.policyId(id).targetId(target));
            }
        }
        EngineRequest request = EngineRequest.builder(Action.VERIFY, Path.of("claude-baseline.yaml"))
                .endpointUrl(server.endpoint()).environment(server.environment()).build();
        try (AwsClients aws = OrgTestSupport.clients(server)) {
            EngineResult result = LiveOperations.verify(baseline, request, aws, line -> { });
            assertThat((List<?>) result.details().get("accounts")).hasSize(ACCOUNTS);
            return aws.callStats();
        }
    }

    // ------------------------------------------------------------------ the organisation audit's own share

    @Test
    void auditWithScpsOnTheRootListsAccountsOrganisationWide(MotoServer server, MotoFixtures moto) {
        MemberAccountFixtures.GeneratedOrg g = MemberAccountFixtures.generate(moto, OUS, MEMBERS);
        CallStats stats = audit(server, Map.of("cb-1", Set.of(g.org().rootId()), "cb-2", Set.of(g.org().rootId())));
        assertThat(lastResult.checks()).anyMatch(c -> c.check().equals("org-coverage:ous")
                && c.message().startsWith("The root carries every baseline SCP"));

        // DescribeOrganization + ListRoots + ⌈A/20⌉ ListAccounts: the root inherits everything, so the walk stops there
        assertThat(stats.callsTo("organizations")).isEqualTo(2 + ceilDiv(ACCOUNTS, 20));
        assertThat(stats.calls("organizations:ListOrganizationalUnitsForParent")).isZero();
        assertThat(stats.calls("organizations:ListAccountsForParent")).isZero();
        assertNeverPerAccount(stats);
    }

    @Test
    void auditWithScpsOnTopLevelOusListsOnlyTheOddParentOneByOne(MotoServer server, MotoFixtures moto) {
        MemberAccountFixtures.GeneratedOrg g = MemberAccountFixtures.generate(moto, OUS, MEMBERS);
        Set<String> topLevel = new HashSet<>(g.ous().subList(0, 4)); // 8 of 9 parents covered; the root is not
        CallStats stats = audit(server, Map.of("cb-1", topLevel));

        // Only the root is looked into (the covered top-level OUs are not entered) and only its accounts are placed.
        assertThat(stats.calls("organizations:ListOrganizationalUnitsForParent")).isEqualTo(1);
        assertThat(stats.calls("organizations:ListAccountsForParent")).isEqualTo(1);
        assertThat(stats.callsTo("organizations")).isEqualTo(2 + 1 + 1 + ceilDiv(ACCOUNTS, 20));
        assertNeverPerAccount(stats);
    }

    @Test
    void auditWithDifferentCoverageEverywhereWalksEveryParent(MotoServer server, MotoFixtures moto) {
        MemberAccountFixtures.GeneratedOrg g = MemberAccountFixtures.generate(moto, OUS, MEMBERS);
        // four distinct coverage groups, none holding half of the 9 parents: every parent is listed for exact placement
        Map<String, Set<String>> targets = Map.of(
                "cb-1", Set.of(g.ous().get(0), g.ous().get(1)),
                "cb-2", Set.of(g.ous().get(1), g.ous().get(2)));
        CallStats stats = audit(server, targets);

        int parents = OUS + 1; // 61 accounts round-robin over 9 parents: at most 7 a parent, one page each
        assertThat(stats.calls("organizations:ListAccountsForParent")).isEqualTo(parents);
        assertThat(stats.calls("organizations:ListAccounts")).isZero();
        assertThat(stats.callsTo("organizations")).isEqualTo(2 + parents + parents);
        assertNeverPerAccount(stats);
    }

    @Test
    void accountsBeneathOusTheWalkNeverEnteredAreCoveredAndTheUncoveredKeepTheirPlace(MotoServer server, MotoFixtures moto) {
        MemberAccountFixtures.GeneratedOrg g = MemberAccountFixtures.generate(moto, OUS, MEMBERS);
        Set<String> topLevel = new HashSet<>(g.ous().subList(0, 4));
        Baseline baseline = OrgTestSupport.baseline(OrgTestSupport.config("targets: [ROOT]\n"), "cb-1");
        try (AwsClients aws = OrgTestSupport.clients(server)) {
            OrganizationAudit.Result result = OrganizationAudit.run(baseline, Map.of("cb-1", topLevel), aws, null, line -> { });
            List<?> rows = (List<?>) result.details().get("accounts");
            assertThat(rows).hasSize(ACCOUNTS);
            long uncovered = 0;
            for (Object o : rows) {
                Map<?, ?> row = (Map<?, ?>) o;
                if (Boolean.FALSE.equals(row.get("covered"))) {
                    uncovered++;
                    assertThat(row.get("parentId")).as("an uncovered account keeps its exact parent: %s", row).isEqualTo(g.org().rootId());
                } else {
                    assertThat(row.get("parentId")).as("covered accounts come from the organisation-wide listing: %s", row).isNull();
                }
            }
            // The per-OU check speaks of the OUs read, and says why the others were not.
            var ous = result.checks().stream().filter(c -> c.check().equals("org-coverage:ous")).findFirst().orElseThrow();
            assertThat(ous.message()).isEqualTo("All 4 OUs read inherit every baseline SCP; the OUs beneath fully covered ones inherit them too.");
            // The accounts sitting directly under the root (the management account among them) are the uncovered ones.
            long atRoot = moto.organizations().listAccountsForParent(r -> r.parentId(g.org().rootId())).accounts().size();
            assertThat(uncovered).isEqualTo(atRoot).isPositive();
        }
    }

    /** The result of the last {@link #audit} call, for the checks it reported. */
    private OrganizationAudit.Result lastResult;

    private CallStats audit(MotoServer server, Map<String, Set<String>> targets) {
        Baseline baseline = OrgTestSupport.baseline(OrgTestSupport.config("targets: [ROOT]\n"),
                targets.keySet().stream().sorted().toArray(String[]::new));
        try (AwsClients aws = OrgTestSupport.clients(server)) {
            OrganizationAudit.Result result = OrganizationAudit.run(baseline, targets, aws, null, line -> { });
            assertThat((List<?>) result.details().get("accounts")).hasSize(ACCOUNTS);
            lastResult = result;
            return aws.callStats();
        }
    }

    private static void assertNeverPerAccount(CallStats stats) {
        assertThat(stats.calls("organizations:ListPoliciesForTarget")).isZero();
        assertThat(stats.calls("organizations:ListParents")).isZero();
        assertThat(stats.calls("organizations:DescribeAccount")).isZero();
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}

package io.claudebaseline.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pure coverage: inheritance through nested OUs, root and account attachments, the management account. */
class CoverageTest {

    static final String ROOT = "r-ab12";
    static final String MGMT = "111111111111";

    /**
     * Root
     * ├── mgmt (management), loose (333333333333)
     * ├── Workloads (ou-w)
     * │   └── Prod (ou-p): deep (222222222222)
     * └── Sandbox (ou-s): sandbox (444444444444), suspended (555555555555, SUSPENDED)
     */
    static OrgTree tree() {
        return OrgTree.builder(ROOT, MGMT)
                .ou("ou-w", "Workloads", ROOT)
                .ou("ou-p", "Prod", "ou-w")
                .ou("ou-s", "Sandbox", ROOT)
                .account(MGMT, "mgmt", "ACTIVE", ROOT)
                .account("333333333333", "loose", "ACTIVE", ROOT)
                .account("222222222222", "deep", "ACTIVE", "ou-p")
                .account("444444444444", "sandbox", "ACTIVE", "ou-s")
                .account("555555555555", "suspended", "SUSPENDED", "ou-s")
                .build();
    }

    @Test
    void scpOnAnOuCoversAccountsInNestedOusBeneathIt() {
        Coverage c = Coverage.compute(tree(), List.of("cb-1"), Map.of("cb-1", Set.of("ou-w")));

        assertThat(c.account("222222222222").covered()).isTrue();
        assertThat(c.account("222222222222").coveredBy()).containsExactly(Map.entry("cb-1", "ou-w"));
        assertThat(c.account("333333333333").missing()).containsExactly("cb-1");
        assertThat(c.account("444444444444").covered()).isFalse();
        assertThat(c.ous().get("ou-p").coveredBy()).containsEntry("cb-1", "ou-w");
        assertThat(c.ous().get("ou-s").missing()).containsExactly("cb-1");
    }

    @Test
    void scpOnTheRootCoversEveryMemberButNeverTheManagementAccount() {
        // Even attached to the management account directly, an SCP does not apply there.
        Coverage c = Coverage.compute(tree(), List.of("cb-1"), Map.of("cb-1", Set.of(ROOT, MGMT)));

        assertThat(c.accounts().values()).filteredOn(a -> !a.management())
                .allSatisfy(a -> assertThat(a.coveredBy()).containsEntry("cb-1", ROOT));
        Coverage.AccountCoverage mgmt = c.account(MGMT);
        assertThat(mgmt.management()).isTrue();
        assertThat(mgmt.covered()).isFalse();
        assertThat(mgmt.missing()).containsExactly("cb-1");
        assertThat(c.rootCoveredBy()).containsOnlyKeys("cb-1");
    }

    @Test
    void scpAttachedToTheAccountCoversOnlyThatAccount() {
        Coverage c = Coverage.compute(tree(), List.of("cb-1"), Map.of("cb-1", Set.of("444444444444")));

        assertThat(c.account("444444444444").coveredBy()).containsExactly(Map.entry("cb-1", "444444444444"));
        assertThat(c.account("555555555555").covered()).isFalse();
        assertThat(c.ous().get("ou-s").covered()).isFalse();
    }

    @Test
    void eachScpIsCheckedSeparatelyAndTheNearestAttachmentIsReported() {
        Map<String, Set<String>> targets = Map.of(
                "cb-1", Set.of(ROOT, "ou-p"),
                "cb-2", Set.of("ou-p"));
        Coverage c = Coverage.compute(tree(), List.of("cb-1", "cb-2", "cb-3"), targets);

        Coverage.AccountCoverage deep = c.account("222222222222");
        assertThat(deep.coveredBy()).containsExactly(Map.entry("cb-1", "ou-p"), Map.entry("cb-2", "ou-p"));
        // cb-3 exists in the baseline but was not found live: it covers nothing
        assertThat(deep.missing()).containsExactly("cb-3");
        assertThat(c.account("333333333333").missing()).containsExactly("cb-2", "cb-3");
    }

    @Test
    void ouSummaryCountsActiveMemberAccountsBeneathEachOu() {
        Coverage c = Coverage.compute(tree(), List.of("cb-1"), Map.of("cb-1", Set.of("ou-p")));

        Coverage.OuCoverage workloads = c.ous().get("ou-w");
        assertThat(workloads.directAccounts()).isZero();
        assertThat(workloads.accountsBeneath()).isEqualTo(1);
        assertThat(workloads.uncoveredBeneath()).isZero();
        assertThat(workloads.covered()).isFalse(); // the OU itself lacks cb-1: new accounts there start unprotected

        Coverage.OuCoverage sandbox = c.ous().get("ou-s");
        assertThat(sandbox.directAccounts()).isEqualTo(1); // the suspended account is not counted
        assertThat(sandbox.accountsBeneath()).isEqualTo(1);
        assertThat(sandbox.uncoveredBeneath()).isEqualTo(1);
    }

    @Test
    void partialTreeOfOneAccountResolvesItsChain() {
        OrgTree chain = OrgTree.builder(ROOT, MGMT).partial()
                .ou("ou-w", null, ROOT)
                .ou("ou-p", null, "ou-w")
                .account("222222222222", "deep", "ACTIVE", "ou-p")
                .build();
        Coverage c = Coverage.compute(chain, List.of("cb-1"), Map.of("cb-1", Set.of("ou-w", "999999999999")));

        assertThat(chain.complete()).isFalse();
        assertThat(chain.ancestors("222222222222")).containsExactly("ou-p", "ou-w", ROOT);
        assertThat(chain.path("ou-p")).isEqualTo("Root/ou-w/ou-p");
        assertThat(c.account("222222222222").coveredBy()).containsEntry("cb-1", "ou-w");
    }
    @Test
    void largestGroupOfParentsWithTheSameCoverageIsFound() {
        // cb-1 on Workloads: {Workloads, Prod} have it, {Root, Sandbox} do not — a tie, won by the root's group
        assertThat(Coverage.largestUniformParentGroup(tree(), List.of("cb-1"), Map.of("cb-1", Set.of("ou-w"))))
                .containsExactlyInAnyOrder(ROOT, "ou-s");
        // cb-1 on the root: every parent alike
        assertThat(Coverage.largestUniformParentGroup(tree(), List.of("cb-1"), Map.of("cb-1", Set.of(ROOT))))
                .containsExactlyInAnyOrder(ROOT, "ou-w", "ou-p", "ou-s");
    }

    @Test
    void accountsListedOrganisationWideGetTheirGroupsCoverage() {
        OrgTree tree = OrgTree.builder(ROOT, MGMT)
                .ou("ou-w", "Workloads", ROOT)
                .ou("ou-p", "Prod", "ou-w")
                .ou("ou-s", "Sandbox", ROOT)
                .unlistedParents(Set.of("ou-w", "ou-p"))
                .account(MGMT, "mgmt", "ACTIVE", ROOT)
                .account("444444444444", "sandbox", "ACTIVE", "ou-s")
                .account("222222222222", "somewhere in Workloads", "ACTIVE", null)
                .account("666666666666", "also there, with its own", "ACTIVE", null)
                .build();
        Map<String, Set<String>> targets = Map.of("cb-1", Set.of("ou-w"), "cb-2", Set.of("666666666666"));
        Coverage c = Coverage.compute(tree, List.of("cb-1", "cb-2"), targets);

        assertThat(c.account("222222222222").coveredBy()).containsExactly(Map.entry("cb-1", "ou-w"));
        assertThat(c.account("222222222222").missing()).containsExactly("cb-2");
        assertThat(c.account("666666666666").covered()).isTrue();
        assertThat(tree.ancestors("222222222222")).isEmpty();
        assertThat(tree.path(tree.account("222222222222").parentId())).isEqualTo(OrgTree.UNPLACED_PATH);
        // counts are unknown where accounts were not listed one parent at a time
        assertThat(c.ous().get("ou-w").directAccounts()).isNull();
        assertThat(c.ous().get("ou-w").accountsBeneath()).isNull();
        assertThat(c.ous().get("ou-s").directAccounts()).isEqualTo(1);
        assertThat(c.ous().get("ou-s").uncoveredBeneath()).isEqualTo(1);
    }

    @Test
    void inheritedSourceIsNamedOnlyWhenTheUnlistedParentsAgree() {
        OrgTree tree = OrgTree.builder(ROOT, MGMT)
                .ou("ou-a", "A", ROOT)
                .ou("ou-b", "B", ROOT)
                .unlistedParents(Set.of("ou-a", "ou-b"))
                .account("222222222222", "x", "ACTIVE", null)
                .build();
        Coverage c = Coverage.compute(tree, List.of("cb-1", "cb-2"),
                Map.of("cb-1", Set.of("ou-a", "ou-b"), "cb-2", Set.of(ROOT)));

        assertThat(c.account("222222222222").coveredBy())
                .containsExactly(Map.entry("cb-1", Coverage.INHERITED), Map.entry("cb-2", ROOT));
    }
}

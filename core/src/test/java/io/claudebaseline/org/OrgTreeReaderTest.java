package io.claudebaseline.org;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.aws.AwsClients;
import io.claudebaseline.aws.CallStats;
import io.claudebaseline.testing.MemberAccountFixtures;
import io.claudebaseline.testing.MotoFixtures;
import io.claudebaseline.testing.MotoServer;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The tree reader against moto: structure, placement, paging, and the one-account chain. */
@ExtendWith(MotoServer.class)
class OrgTreeReaderTest {

    @Test
    void readsNestedOusAndPlacesEveryAccountPagingAtTwenty(MotoServer server, MotoFixtures moto) {
        MotoFixtures.Org org = moto.createOrganization();
        String workloads = moto.createOu(org.rootId(), "Workloads");
        String prod = moto.createOu(workloads, "Prod");
        String sandbox = moto.createOu(org.rootId(), "Sandbox");
        for (int i = 0; i < 45; i++) { // three pages of ListAccountsForParent under Prod
            moto.createAccount("prod-" + i, prod);
        }
        String loose = moto.createAccount("loose", org.rootId());

        try (AwsClients aws = OrgTestSupport.clients(server)) {
            OrgTree tree = OrgTreeReader.readAll(aws.organizations());

            assertThat(tree.rootId()).isEqualTo(org.rootId());
            assertThat(tree.managementAccountId()).isEqualTo(org.managementAccountId());
            assertThat(tree.ous()).extracting(OrgTree.Ou::id).containsExactly(workloads, sandbox, prod); // breadth first
            assertThat(tree.path(prod)).isEqualTo("Root/Workloads/Prod");
            assertThat(tree.accounts()).hasSize(47); // 45 + loose + management
            assertThat(tree.accounts()).filteredOn(a -> prod.equals(a.parentId())).hasSize(45);
            assertThat(tree.account(loose).parentId()).isEqualTo(org.rootId());
            assertThat(tree.account(org.managementAccountId()).parentId()).isEqualTo(org.rootId());
            assertThat(tree.unlistedParents()).isEmpty();

            CallStats stats = aws.callStats();
            assertThat(stats.calls("organizations:ListOrganizationalUnitsForParent")).isEqualTo(4); // root + 3 OUs
            // root 1 page, Workloads 1 (empty), Prod 3 pages, Sandbox 1 (empty)
            assertThat(stats.calls("organizations:ListAccountsForParent")).isEqualTo(6);
            assertThat(stats.calls("organizations:ListPoliciesForTarget")).isZero();
        }
    }

    @Test
    void fullyCoveredParentsAreListedOrganisationWide(MotoServer server, MotoFixtures moto) {
        MotoFixtures.Org org = moto.createOrganization();
        String workloads = moto.createOu(org.rootId(), "Workloads");
        String sandbox = moto.createOu(org.rootId(), "Sandbox");
        String inWorkloads = moto.createAccount("w", workloads);
        String inSandbox = moto.createAccount("s", sandbox);

        try (AwsClients aws = OrgTestSupport.clients(server)) {
            OrgTree structure = OrgTreeReader.readStructure(aws.organizations());
            assertThat(structure.accounts()).isEmpty();
            OrgTree tree = OrgTreeReader.readAccounts(aws.organizations(), structure, Set.of(workloads));

            assertThat(tree.account(inWorkloads).placed()).isFalse();
            assertThat(tree.path(tree.account(inWorkloads).parentId())).isEqualTo(OrgTree.UNPLACED_PATH);
            assertThat(tree.account(inSandbox).parentId()).isEqualTo(sandbox);
            assertThat(tree.accounts()).hasSize(3);
            assertThat(aws.callStats().calls("organizations:ListAccountsForParent")).isEqualTo(2); // root, Sandbox
            assertThat(aws.callStats().calls("organizations:ListAccounts")).isEqualTo(1);
        }
    }

    @Test
    void oneAccountIsReadThroughItsChainOfParentsInAHandfulOfCalls(MotoServer server, MotoFixtures moto) {
        MotoFixtures.Org org = moto.createOrganization();
        String a = moto.createOu(org.rootId(), "A");
        String b = moto.createOu(a, "B");
        String c = moto.createOu(b, "C");
        String deep = moto.createAccount("deep", c);
        for (int i = 0; i < 10; i++) {
            moto.createAccount("other-" + i, a);
        }

        try (AwsClients aws = OrgTestSupport.clients(server)) {
            OrgTree tree = OrgTreeReader.readForAccount(aws.organizations(), deep);

            assertThat(tree.complete()).isFalse();
            assertThat(tree.accounts()).extracting(OrgTree.Account::id).containsExactly(deep);
            assertThat(tree.ancestors(deep)).containsExactly(c, b, a, org.rootId());
            assertThat(tree.managementAccountId()).isEqualTo(org.managementAccountId());
            // DescribeOrganization + DescribeAccount + 4 ListParents, whatever the organisation's size
            assertThat(aws.callStats().callsTo("organizations")).isEqualTo(6);

            OrgTree stranger = OrgTreeReader.readForAccount(aws.organizations(), "999999999999");
            assertThat(stranger.accounts()).isEmpty();
        }
    }

    @Test
    void generatedOrganisationHasTheRequestedShape(MotoServer server, MotoFixtures moto) {
        MemberAccountFixtures.GeneratedOrg g = MemberAccountFixtures.generate(moto, 6, 30);
        try (AwsClients aws = OrgTestSupport.clients(server)) {
            OrgTree tree = OrgTreeReader.readAll(aws.organizations());
            assertThat(tree.ous()).hasSize(6);
            assertThat(tree.accounts()).hasSize(31);
            assertThat(tree.ous()).filteredOn(o -> !o.parentId().equals(g.org().rootId())).hasSize(3);
        }
    }
}

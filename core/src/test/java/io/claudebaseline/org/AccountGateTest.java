package io.claudebaseline.org;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.aws.AwsClients;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.testing.MemberAccountFixtures;
import io.claudebaseline.testing.MotoFixtures;
import io.claudebaseline.testing.MotoServer;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.iam.IamClient;

/** verify --account: may Claude Platform be enabled in this one account? Answered in a handful of calls. */
@ExtendWith(MotoServer.class)
class AccountGateTest {

    @Test
    void nestedAccountInheritingTheScpPassesInAHandfulOfCallsAndItsKeysAreAudited(MotoServer server, MotoFixtures moto) {
        MotoFixtures.Org org = moto.createOrganization();
        String workloads = moto.createOu(org.rootId(), "Workloads");
        String prod = moto.createOu(workloads, "Prod");
        String sandbox = moto.createOu(org.rootId(), "Sandbox");
        String account = moto.createAccount("prod-1", prod);
        String outside = moto.createAccount("sandbox-1", sandbox);
        for (int i = 0; i < 25; i++) {
            moto.createAccount("filler-" + i, workloads);
        }
        try (IamClient iam = MemberAccountFixtures.iamIn(server, account)) {
            iam.createUser(r -> r.userName("AeaApiKey-q9"));
        }
        // memberAccounts is off: the account asked about is audited all the same
        Baseline baseline = OrgTestSupport.baseline(OrgTestSupport.config("targets: [ROOT]\n"), "cb-1");
        Map<String, Set<String>> targets = Map.of("cb-1", Set.of(workloads));

        try (AwsClients aws = OrgTestSupport.clients(server)) {
            OrganizationAudit.Result result = OrganizationAudit.run(baseline, targets, aws, account, line -> { });

            CheckResult gate = check(result, "org-coverage:account:" + account);
            assertThat(gate.status()).isEqualTo(CheckStatus.PASS);
            assertThat(gate.evidence()).containsEntry("parents", List.of(prod, workloads, org.rootId()));
            assertThat(check(result, "member-keys:" + account).status()).isEqualTo(CheckStatus.FAIL); // the shadow user
            assertThat(result.checks()).noneMatch(c -> c.check().equals("org-coverage:accounts")
                    || c.check().equals("org-coverage:management-account"));
            assertThat((List<?>) result.details().get("accounts")).hasSize(1);
            // DescribeOrganization, DescribeAccount, ListParents x3
            assertThat(aws.callStats().callsTo("organizations")).isEqualTo(5);
            assertThat(aws.callStats().calls("sts:AssumeRole")).isEqualTo(1);
        }

        try (AwsClients aws = OrgTestSupport.clients(server)) {
            OrganizationAudit.Result result = OrganizationAudit.run(baseline, targets, aws, outside, line -> { });
            CheckResult gate = check(result, "org-coverage:account:" + outside);
            assertThat(gate.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(gate.message()).contains("not protected", "cb-1");
            assertThat(check(result, "member-keys:" + outside).status()).isEqualTo(CheckStatus.PASS);
        }
    }

    @Test
    void managementAccountAndStrangersFailWithoutAnyRoleAssumed(MotoServer server, MotoFixtures moto) {
        MotoFixtures.Org org = moto.createOrganization();
        Baseline baseline = OrgTestSupport.baseline(OrgTestSupport.config("targets: [ROOT]\n"), "cb-1");
        Map<String, Set<String>> targets = Map.of("cb-1", Set.of(org.rootId()));
        try (AwsClients aws = OrgTestSupport.clients(server)) {
            OrganizationAudit.Result mgmt = OrganizationAudit.run(baseline, targets, aws, org.managementAccountId(), line -> { });
            assertThat(check(mgmt, "org-coverage:account:" + org.managementAccountId()).message()).contains("management account");

            OrganizationAudit.Result stranger = OrganizationAudit.run(baseline, targets, aws, "999999999999", line -> { });
            assertThat(check(stranger, "org-coverage:account:999999999999").status()).isEqualTo(CheckStatus.FAIL);
            assertThat(aws.callStats().calls("sts:AssumeRole")).isZero();
        }
    }

    static CheckResult check(OrganizationAudit.Result result, String name) {
        return MemberAuditTest.check(result, name);
    }
}

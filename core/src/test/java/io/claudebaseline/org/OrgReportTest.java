package io.claudebaseline.org;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.config.AuditConfig;
import io.claudebaseline.config.WorkspaceConfig;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checks and details built from coverage and member-audit outcomes. */
class OrgReportTest {

    static final String ROOT = CoverageTest.ROOT;
    static final String MGMT = CoverageTest.MGMT;

    static WorkspaceConfig workspace(String id, String account) {
        return new WorkspaceConfig(id, "us-east-1", account, List.of(), null);
    }

    static OrgReport.Settings settings(List<WorkspaceConfig> workspaces, String filter) {
        return new OrgReport.Settings(workspaces, AuditConfig.Severity.FAIL, false, "OrganizationAccountAccessRole", filter);
    }

    static CheckResult check(OrgReport.Output out, String name) {
        return out.checks().stream().filter(c -> c.check().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + out.checks().stream().map(CheckResult::check).toList()));
    }

    @Test
    void uncoveredWorkspaceAccountFailsWhileOtherUncoveredAccountsOnlyWarn() {
        // cb-1 on Workloads only: 444444444444 (Sandbox) hosts a workspace and is not covered
        Coverage c = Coverage.compute(CoverageTest.tree(), List.of("cb-1"), Map.of("cb-1", Set.of("ou-w")));
        OrgReport.Output out = OrgReport.build(c, List.of(), settings(List.of(
                workspace("wrkspc_sandbox", "444444444444"), workspace("wrkspc_prod", "222222222222")), null));

        CheckResult sandbox = check(out, "org-coverage:workspace-account:444444444444");
        assertThat(sandbox.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(sandbox.message()).contains("wrkspc_sandbox", "cb-1", "Root/Sandbox");
        assertThat(check(out, "org-coverage:workspace-account:222222222222").status()).isEqualTo(CheckStatus.PASS);

        CheckResult others = check(out, "org-coverage:accounts");
        assertThat(others.status()).isEqualTo(CheckStatus.WARN);
        // 333333333333 only: workspace accounts have their own check, suspended and management accounts are out of scope
        assertThat(others.evidence()).containsEntry("accountsInScope", 1).containsEntry("uncoveredAccounts", 1)
                .containsEntry("inactiveAccountsSkipped", 1);

        CheckResult ous = check(out, "org-coverage:ous");
        assertThat(ous.status()).isEqualTo(CheckStatus.WARN);
        assertThat(ous.evidence()).containsEntry("ousNotCovered", 1);
    }

    @Test
    void anOuExceptionCoversTheAccountsBeneathItAndTheOuItself() {
        Coverage c = Coverage.compute(CoverageTest.tree(), List.of("cb-1"), Map.of("cb-1", Set.of("ou-w")));
        java.time.LocalDate today = java.time.LocalDate.of(2026, 12, 1);
        io.claudebaseline.exceptions.Waivers waivers = io.claudebaseline.exceptions.Waivers.of(List.of(
                new io.claudebaseline.config.ExceptionConfig("org-coverage:accounts", null, "ou-s", null, null, null, null, null,
                        "sandbox OU, no production data", "cloud-platform@example.com", "2027-01-31"),
                new io.claudebaseline.config.ExceptionConfig("org-coverage:ous", null, "ou-s", null, null, null, null, null,
                        "sandbox OU, no production data", "cloud-platform@example.com", "2027-01-31")), today, false, true);
        OrgReport.Output out = OrgReport.build(c, List.of(), new OrgReport.Settings(List.of(), AuditConfig.Severity.FAIL, false,
                "OrganizationAccountAccessRole", null, waivers));

        CheckResult sandbox = check(out, "org-coverage:accounts:444444444444");
        assertThat(sandbox.status()).isEqualTo(CheckStatus.EXCEPTED);
        assertThat(sandbox.message()).contains("Excepted until 2027-01-31 by exceptions[0]", "Root/Sandbox", "cb-1");
        CheckResult others = check(out, "org-coverage:accounts");
        assertThat(others.status()).as("333333333333 is not beneath ou-s: it still counts").isEqualTo(CheckStatus.WARN);
        assertThat(others.evidence()).containsEntry("uncoveredAccounts", 1).containsEntry("exceptedAccounts", 1);
        assertThat(check(out, "org-coverage:ous:ou-s").status()).isEqualTo(CheckStatus.EXCEPTED);
        assertThat(check(out, "org-coverage:ous").status()).isEqualTo(CheckStatus.PASS);
        assertThat(waivers.bookkeeping()).as("both exceptions matched, neither expires soon").isEmpty();

        // The day after it ends, the same exception no longer applies and the account is named again.
        io.claudebaseline.exceptions.Waivers later = io.claudebaseline.exceptions.Waivers.of(List.of(
                new io.claudebaseline.config.ExceptionConfig("org-coverage:accounts", null, "ou-s", null, null, null, null, null,
                        "sandbox OU", "cloud-platform@example.com", "2027-01-31")), java.time.LocalDate.of(2027, 2, 1), false, true);
        OrgReport.Output expired = OrgReport.build(c, List.of(), new OrgReport.Settings(List.of(), AuditConfig.Severity.FAIL, false,
                "OrganizationAccountAccessRole", null, later));
        assertThat(check(expired, "org-coverage:accounts").evidence()).containsEntry("uncoveredAccounts", 2);
        assertThat(check(expired, "org-coverage:accounts").message()).contains("exceptions[0]", "expired on 2027-01-31");
        assertThat(later.bookkeeping()).extracting(CheckResult::check).containsExactly("exception-expired:exceptions[0]");
    }

    @Test
    void everythingCoveredPassesAndTheManagementAccountStillWarns() {
        Coverage c = Coverage.compute(CoverageTest.tree(), List.of("cb-1"), Map.of("cb-1", Set.of(ROOT)));
        OrgReport.Output out = OrgReport.build(c, List.of(), settings(List.of(workspace("wrkspc_a", "222222222222")), null));

        assertThat(check(out, "org-coverage:accounts").status()).isEqualTo(CheckStatus.PASS);
        assertThat(check(out, "org-coverage:ous").status()).isEqualTo(CheckStatus.PASS);
        CheckResult mgmt = check(out, "org-coverage:management-account");
        assertThat(mgmt.status()).isEqualTo(CheckStatus.WARN);
        assertThat(mgmt.message()).contains(MGMT, "never apply");
    }

    @Test
    void workspaceInTheManagementAccountFails() {
        Coverage c = Coverage.compute(CoverageTest.tree(), List.of("cb-1"), Map.of("cb-1", Set.of(ROOT)));
        OrgReport.Output out = OrgReport.build(c, List.of(), settings(List.of(workspace("wrkspc_m", MGMT)), null));

        assertThat(check(out, "org-coverage:management-account").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(out.checks()).noneMatch(r -> r.check().equals("org-coverage:workspace-account:" + MGMT));
    }

    @Test
    void workspaceAccountOutsideTheOrganisationFails() {
        Coverage c = Coverage.compute(CoverageTest.tree(), List.of("cb-1"), Map.of("cb-1", Set.of(ROOT)));
        OrgReport.Output out = OrgReport.build(c, List.of(), settings(List.of(workspace("wrkspc_x", "999999999999")), null));

        CheckResult x = check(out, "org-coverage:workspace-account:999999999999");
        assertThat(x.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(x.message()).contains("not a member");
    }

    @Test
    void accountGateAnswersForOneAccount() {
        Coverage c = Coverage.compute(CoverageTest.tree(), List.of("cb-1"), Map.of("cb-1", Set.of("ou-w")));

        assertThat(OrgReport.build(c, List.of(), settings(List.of(), "222222222222")).checks())
                .extracting(CheckResult::check, CheckResult::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("org-coverage:account:222222222222", CheckStatus.PASS));
        CheckResult uncovered = check(OrgReport.build(c, List.of(), settings(List.of(), "444444444444")),
                "org-coverage:account:444444444444");
        assertThat(uncovered.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(uncovered.message()).contains("not protected", "cb-1");
        assertThat(check(OrgReport.build(c, List.of(), settings(List.of(), MGMT)), "org-coverage:account:" + MGMT).status())
                .isEqualTo(CheckStatus.FAIL);
        assertThat(check(OrgReport.build(c, List.of(), settings(List.of(), "999999999999")), "org-coverage:account:999999999999")
                .message()).contains("not a member");
    }

    @Test
    void keyFindingsFollowTheConfiguredSeverityAndFailuresWarn() {
        Coverage c = Coverage.compute(CoverageTest.tree(), List.of("cb-1"), Map.of("cb-1", Set.of(ROOT)));
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        List<MemberAudit.Outcome> outcomes = List.of(
                new MemberAudit.Outcome("222222222222", new AccountKeyScan.Inventory(
                        List.of(new AccountKeyScan.ShadowUser("AeaApiKey-ab12", "/", t)),
                        List.of(new AccountKeyScan.LongTermKey("ACCA1", "AeaApiKey-ab12", "Active", t, null),
                                new AccountKeyScan.LongTermKey("ACCA2", "AeaApiKey-ab12", "Inactive", t, null))), null),
                new MemberAudit.Outcome("333333333333", new AccountKeyScan.Inventory(List.of(), List.of()), null),
                new MemberAudit.Outcome("444444444444", null, "cannot assume role X in account 444444444444 (AccessDenied)."));
        OrgReport.Settings warn = new OrgReport.Settings(List.of(), AuditConfig.Severity.WARN, true, "X", null);

        OrgReport.Output out = OrgReport.build(c, outcomes, warn);

        CheckResult finding = check(out, "member-keys:222222222222");
        assertThat(finding.status()).isEqualTo(CheckStatus.WARN);
        assertThat(finding.message()).contains("1 active long-term Claude key", "1 shadow user");
        assertThat(check(out, "member-audit:444444444444").status()).isEqualTo(CheckStatus.WARN);
        assertThat(out.checks()).noneMatch(r -> r.check().equals("member-keys:333333333333"));

        OrgReport.Output failing = OrgReport.build(c, outcomes, settings(List.of(), null));
        assertThat(check(failing, "member-keys:222222222222").status()).isEqualTo(CheckStatus.FAIL);

        @SuppressWarnings("unchecked")
        Map<String, Object> audit = (Map<String, Object>) out.details().get("memberAudit");
        assertThat(audit).containsEntry("audited", 2L).containsEntry("failed", 1L);
        assertThat((List<?>) audit.get("findings")).hasSize(3); // two keys (one inactive, not a finding) and one user
    }

    @Test
    void checksStayBoundedForFiveThousandAccounts() {
        OrgTree.Builder b = OrgTree.builder(ROOT, MGMT).account(MGMT, "mgmt", "ACTIVE", ROOT);
        for (int ou = 0; ou < 50; ou++) {
            b.ou("ou-" + ou, "OU " + ou, ROOT);
        }
        List<MemberAudit.Outcome> outcomes = new ArrayList<>();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 5000; i++) {
            String id = String.format("%012d", 200000000000L + i);
            b.account(id, "acct-" + i, "ACTIVE", "ou-" + (i % 50));
            if (i % 100 == 0) {
                outcomes.add(new MemberAudit.Outcome(id, null, "timed out"));
            } else if (i % 50 == 1) {
                outcomes.add(new MemberAudit.Outcome(id, new AccountKeyScan.Inventory(List.of(),
                        List.of(new AccountKeyScan.LongTermKey("K" + i, "u", "Active", t, null))), null));
            } else {
                outcomes.add(new MemberAudit.Outcome(id, new AccountKeyScan.Inventory(List.of(), List.of()), null));
            }
        }
        // cb-1 only on the first ten OUs: 4,000 accounts uncovered
        Set<String> targets = new java.util.HashSet<>();
        for (int ou = 0; ou < 10; ou++) {
            targets.add("ou-" + ou);
        }
        Coverage c = Coverage.compute(b.build(), List.of("cb-1"), Map.of("cb-1", targets));

        OrgReport.Output out = OrgReport.build(c, outcomes, new OrgReport.Settings(List.of(), AuditConfig.Severity.FAIL,
                true, "R", null));

        // 3 coverage checks + (20 + 1) key-finding checks + (20 + 1) failure checks
        assertThat(out.checks()).hasSize(3 + 21 + 21);
        CheckResult others = check(out, "org-coverage:accounts");
        assertThat(others.evidence()).containsEntry("uncoveredAccounts", 4000);
        assertThat((List<?>) others.evidence().get("uncovered")).hasSize(OrgReport.EVIDENCE_LIMIT);
        assertThat(others.evidence()).containsEntry("uncoveredMore", 4000 - OrgReport.EVIDENCE_LIMIT);
        assertThat(check(out, "member-keys:more").message()).startsWith("80 more member accounts"); // 100 in all
        assertThat(check(out, "member-audit:more").message()).startsWith("30 more member accounts"); // 50 in all
        // the details carry every account and OU
        assertThat((List<?>) out.details().get("accounts")).hasSize(5001);
        assertThat((List<?>) out.details().get("ous")).hasSize(50);
    }
}

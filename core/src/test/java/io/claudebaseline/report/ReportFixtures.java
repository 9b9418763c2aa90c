package io.claudebaseline.report;

import io.claudebaseline.config.Problem;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Engine results shaped like verify's (checks, drift evidence, the organisation audit's details), with hostile
 * names where a user or an AWS account could put them.
 */
final class ReportFixtures {
    static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)> \"q\" 'a' & \u0001 ]]>";
    static final String HOSTILE_OU = "<img src=x onerror=alert('ou')>";

    private ReportFixtures() {}

    static EngineResult verifyWithDrift() {
        List<CheckResult> checks = new ArrayList<>();
        checks.add(CheckResult.pass("protect-workspaces", "scp-exists:claude-baseline-1", "SCP claude-baseline-1 exists as p-1."));
        Map<String, Object> drift = new LinkedHashMap<>();
        drift.put("policyId", "p-1");
        drift.put("missingStatements", List.of("{\"Sid\":\"ProtectWorkspace0\",\"Effect\":\"Deny\",\"Action\":\"aws-external-anthropic:*\",\"Resource\":\"*\"}"));
        drift.put("unexpectedStatements", List.of("{\"Sid\":\"ProtectWorkspace0\",\"Effect\":\"Deny\",\"Action\":\"aws-external-anthropic:Nothing\",\"Resource\":\"*\"}"));
        checks.add(CheckResult.fail("protect-workspaces", "scp-content:claude-baseline-1",
                "SCP claude-baseline-1 (p-1) differs from the baseline: 1 statement(s) missing and 1 unexpected; run apply.").withEvidence(drift));
        checks.add(CheckResult.fail("cloudtrail-data-events", "trail-logging", "Trail org-trail is not logging, so no event reaches it; run apply (StartLogging).")
                .withEvidence(Map.of("trailArn", "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail")));
        checks.add(CheckResult.warn("organization", "org-coverage:accounts", "1 of 3 other active member accounts lack at least one baseline SCP.")
                .withEvidence(Map.of("uncoveredAccounts", 1)));
        checks.add(CheckResult.pass("protect-workspaces", "scenario:protect-workspaces:wrkspc_1:unlisted:aws-external-anthropic:CreateInference",
                "As expected: an unlisted principal may not call CreateInference."));
        checks.add(CheckResult.fail("deny-long-term-key-use", "scenario:deny-long-term-key-use:bearer",
                "NOT as expected: a long-term key may call CreateInference."));
        checks.add(CheckResult.fail(HOSTILE, HOSTILE, HOSTILE).withEvidence(Map.of(HOSTILE, HOSTILE)));

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("coverage", new LinkedHashMap<>(Map.of("rootId", "r-ab12", "managementAccountId", "999988887777",
                "baselineScps", List.of("claude-baseline-1"), "rootScps", List.of())));
        List<Map<String, Object>> ous = new ArrayList<>();
        ous.add(ou("ou-ab12-11111111", "Workloads", "r-ab12", true, List.of()));
        ous.add(ou("ou-ab12-22222222", HOSTILE_OU, "r-ab12", false, List.of("claude-baseline-1")));
        ous.add(ou("ou-ab12-33333333", "Prod", "ou-ab12-11111111", true, List.of()));
        details.put("ous", ous);
        List<Map<String, Object>> accounts = new ArrayList<>();
        accounts.add(account("999988887777", "management", "r-ab12", false, true, List.of("claude-baseline-1")));
        accounts.add(account("111122223333", "prod", "ou-ab12-33333333", true, false, List.of()));
        accounts.add(account("444455556666", "sandbox", "ou-ab12-11111111", true, false, List.of()));
        accounts.add(account("555566667777", HOSTILE, "ou-ab12-22222222", false, false, List.of("claude-baseline-1")));
        details.put("accounts", accounts);
        details.put("awsCalls", Map.of("organizations:ListPoliciesForTarget", 4));
        return new EngineResult(Action.VERIFY, false, 0, checks,
                List.of(Problem.warning("workspaces[0].region", "region is '*' " + HOSTILE)), List.of(), null,
                "3 of 7 checks failed.", details);
    }

    static Map<String, Object> ou(String id, String name, String parent, boolean covered, List<String> missing) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("name", name);
        row.put("parentId", parent);
        row.put("path", "Root/" + name);
        row.put("covered", covered);
        row.put("missingScps", missing);
        return row;
    }

    static Map<String, Object> account(String id, String name, String parent, boolean covered, boolean management, List<String> missing) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("name", name);
        row.put("status", "ACTIVE");
        row.put("parentId", parent);
        row.put("path", "Root/…");
        row.put("management", management);
        row.put("workspaces", List.of());
        row.put("covered", covered);
        row.put("missingScps", missing);
        return row;
    }

    /** An organisation of {@code covered + uncovered} accounts in one OU each, for the caps. */
    static EngineResult largeOrganisation(int covered, int uncovered) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("coverage", Map.of("rootId", "r-big", "baselineScps", List.of("claude-baseline-1"), "rootScps", List.of()));
        details.put("ous", List.of(ou("ou-big-covered", "Covered", "r-big", true, List.of()),
                ou("ou-big-open", "Open", "r-big", false, List.of("claude-baseline-1"))));
        List<Map<String, Object>> accounts = new ArrayList<>();
        for (int i = 0; i < covered; i++) {
            accounts.add(account(String.format("1%011d", i), "covered-" + i, "ou-big-covered", true, false, List.of()));
        }
        for (int i = 0; i < uncovered; i++) {
            accounts.add(account(String.format("2%011d", i), "uncovered-" + i, "ou-big-open", false, false, List.of("claude-baseline-1")));
        }
        details.put("accounts", accounts);
        List<CheckResult> checks = List.of(CheckResult.warn("organization", "org-coverage:accounts", uncovered + " accounts lack an SCP."));
        return new EngineResult(Action.VERIFY, true, 0, checks, List.of(), List.of(), null, "large", details);
    }

    static EngineResult withStatus(CheckStatus status) {
        return new EngineResult(Action.SIMULATE, true, 0, List.of(new CheckResult("c", "k", status, "m", Map.of())),
                List.of(), List.of(), null, "s");
    }
}

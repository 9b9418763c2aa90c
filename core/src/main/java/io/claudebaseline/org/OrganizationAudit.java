package io.claudebaseline.org;

import io.claudebaseline.aws.AwsClients;
import io.claudebaseline.engine.Progress;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.verify.CheckResult;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Organisation-scale part of verify: which accounts each baseline SCP covers through the OU tree, and the
 * per-member-account long-term key audit. STUB (issue #6).
 */
public final class OrganizationAudit {
    private OrganizationAudit() {}

    /**
     * @param baseline          desired state
     * @param targetsByScpName  for each owned baseline SCP found live: the ids it is attached to (from ListTargetsForPolicy)
     * @param aws               clients
     * @param accountFilter     answer for this one account only (verify --account), or null for the whole organisation
     */
    public static Result run(Baseline baseline, Map<String, Set<String>> targetsByScpName, AwsClients aws,
                             String accountFilter, Progress progress) {
        return new Result(List.of(), Map.of());
    }

    /**
     * @param checks  checks to add to verify's report
     * @param details structured data for report.json (e.g. {@code accounts}: the per-account table, {@code ous}: per-OU summary)
     */
    public record Result(List<CheckResult> checks, Map<String, Object> details) {}
}

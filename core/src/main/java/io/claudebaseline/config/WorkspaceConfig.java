package io.claudebaseline.config;

import java.util.List;

/**
 * One critical workspace to protect.
 *
 * @param id                workspace id, {@code wrkspc_} followed by letters and digits
 * @param region            AWS region the workspace lives in; {@code *} when absent
 * @param account           12-digit account id of the workspace; {@code *} when absent
 * @param allowedPrincipals IAM role/user ARNs (with {@code *} and {@code ?} wildcards) that may use it
 * @param description       free text, shown in reports and Terraform descriptions
 */
public record WorkspaceConfig(
        String id,
        String region,
        String account,
        List<String> allowedPrincipals,
        String description) {

    public static final String ANY = "*";

    public WorkspaceConfig {
        region = region == null || region.isEmpty() ? ANY : region;
        account = account == null || account.isEmpty() ? ANY : account;
        allowedPrincipals = allowedPrincipals == null ? List.of() : List.copyOf(allowedPrincipals);
    }
}

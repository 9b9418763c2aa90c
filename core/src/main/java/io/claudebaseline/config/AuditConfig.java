package io.claudebaseline.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How verify audits long-term keys, and how severe its findings are.
 *
 * @param keyFindings       severity of an active long-term key or a shadow user: {@code fail} (default) or {@code warn}
 * @param memberAccounts    also audit every member account in scope by assuming {@code roleName} there
 * @param roleName          role assumed in each member account
 * @param externalId        external id for that role, if its trust policy requires one
 * @param concurrency       member accounts audited at once
 */
public record AuditConfig(
        Severity keyFindings,
        Boolean memberAccounts,
        String roleName,
        String externalId,
        Integer concurrency) {

    public static final String DEFAULT_ROLE_NAME = "OrganizationAccountAccessRole";

    public AuditConfig {
        keyFindings = keyFindings == null ? Severity.FAIL : keyFindings;
        memberAccounts = memberAccounts != null && memberAccounts;
        roleName = roleName == null ? DEFAULT_ROLE_NAME : roleName;
        concurrency = concurrency == null ? 8 : concurrency;
    }

    public static AuditConfig defaults() {
        return new AuditConfig(null, null, null, null, null);
    }

    public enum Severity {
        @JsonProperty("fail") FAIL,
        @JsonProperty("warn") WARN
    }
}

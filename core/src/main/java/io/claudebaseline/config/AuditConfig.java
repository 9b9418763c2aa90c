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
 * @param maxExceptionDays  how far ahead an exception may expire (default 180 days)
 */
public record AuditConfig(
        Severity keyFindings,
        Boolean memberAccounts,
        String roleName,
        String externalId,
        Integer concurrency,
        Integer maxExceptionDays) {

    public static final String DEFAULT_ROLE_NAME = "OrganizationAccountAccessRole";
    public static final int DEFAULT_MAX_EXCEPTION_DAYS = 180;

    public AuditConfig {
        keyFindings = keyFindings == null ? Severity.FAIL : keyFindings;
        memberAccounts = memberAccounts != null && memberAccounts;
        roleName = roleName == null ? DEFAULT_ROLE_NAME : roleName;
        concurrency = concurrency == null ? 8 : concurrency;
        maxExceptionDays = maxExceptionDays == null ? DEFAULT_MAX_EXCEPTION_DAYS : maxExceptionDays;
    }

    /** Without {@code maxExceptionDays} (the default applies). */
    public AuditConfig(Severity keyFindings, Boolean memberAccounts, String roleName, String externalId, Integer concurrency) {
        this(keyFindings, memberAccounts, roleName, externalId, concurrency, null);
    }

    public static AuditConfig defaults() {
        return new AuditConfig(null, null, null, null, null, null);
    }

    public enum Severity {
        @JsonProperty("fail") FAIL,
        @JsonProperty("warn") WARN
    }
}

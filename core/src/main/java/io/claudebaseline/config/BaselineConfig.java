package io.claudebaseline.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The user's {@code claude-baseline.yaml}, as parsed. Defaults are applied here so that everything downstream
 * sees complete values; whether the values make sense is {@link ConfigValidator}'s job.
 *
 * @param version          config schema version; only 1 exists
 * @param policyNamePrefix every SCP this tool creates is named {@code <prefix>-<part>}
 * @param targets          root ({@code r-…}), OU ({@code ou-…}) or account (12 digits) ids the SCPs attach to
 * @param workspaces       the critical workspaces to protect
 * @param exemptPrincipals break-glass principals exempt from every deny
 * @param controls         which baseline controls are on, and their options
 * @param layout           one combined SCP set packed to the size limit, or one SCP per control
 * @param limits           AWS limits, overridable because AWS has changed them before
 * @param tags             tags put on every SCP (plus the ownership tag)
 * @param partition        ARN partition; {@code aws} unless in GovCloud or China
 * @param scenarios        user-supplied deny scenarios checked by simulate and verify
 * @param audit            how verify audits member accounts and how severe key findings are
 * @param exceptions       accepted deviations verify reports as EXCEPTED until they expire
 * @param allowEmptyBaseline accept a config that enables no control (otherwise an error: a baseline that protects
 *                         nothing would let every gate pass)
 */
public record BaselineConfig(
        Integer version,
        String policyNamePrefix,
        List<String> targets,
        List<WorkspaceConfig> workspaces,
        List<String> exemptPrincipals,
        ControlsConfig controls,
        Layout layout,
        LimitsConfig limits,
        Map<String, String> tags,
        String partition,
        List<ScenarioConfig> scenarios,
        AuditConfig audit,
        List<ExceptionConfig> exceptions,
        Boolean allowEmptyBaseline) {

    public static final String DEFAULT_PREFIX = "claude-baseline";

    public BaselineConfig {
        policyNamePrefix = policyNamePrefix == null ? DEFAULT_PREFIX : policyNamePrefix;
        targets = targets == null ? List.of() : List.copyOf(targets);
        workspaces = workspaces == null ? List.of() : List.copyOf(workspaces);
        exemptPrincipals = exemptPrincipals == null ? List.of() : List.copyOf(exemptPrincipals);
        controls = controls == null ? ControlsConfig.defaults() : controls;
        layout = layout == null ? Layout.COMBINED : layout;
        limits = limits == null ? LimitsConfig.defaults() : limits;
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
        partition = partition == null ? "aws" : partition;
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
        audit = audit == null ? AuditConfig.defaults() : audit;
        exceptions = exceptions == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(exceptions));
        allowEmptyBaseline = allowEmptyBaseline != null && allowEmptyBaseline;
    }

    /** A config without exceptions and without the optional switches (tests and tools build configs this way). */
    public BaselineConfig(Integer version, String policyNamePrefix, List<String> targets, List<WorkspaceConfig> workspaces,
                          List<String> exemptPrincipals, ControlsConfig controls, Layout layout, LimitsConfig limits,
                          Map<String, String> tags, String partition, List<ScenarioConfig> scenarios, AuditConfig audit) {
        this(version, policyNamePrefix, targets, workspaces, exemptPrincipals, controls, layout, limits, tags, partition,
                scenarios, audit, null, null);
    }

    /** How statements are grouped into SCPs. */
    public enum Layout {
        /** Pack every statement into as few SCPs as fit the size limit (attachment slots are scarce). */
        @JsonProperty("combined") COMBINED,
        /** One SCP per control: easier to read and to roll out one control at a time. */
        @JsonProperty("per-control") PER_CONTROL
    }
}

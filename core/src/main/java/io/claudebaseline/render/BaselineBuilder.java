package io.claudebaseline.render;

import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.config.ConfigException;
import io.claudebaseline.config.Problem;
import io.claudebaseline.config.WorkspaceConfig;
import io.claudebaseline.facts.AwsFacts;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.model.Control;
import io.claudebaseline.model.PolicyStatement;
import io.claudebaseline.model.ScpDocument;
import io.claudebaseline.model.TrailSelectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Config → desired state: statements rendered from the templates and parsed back, packed into SCPs that fit
 * the size limit, the trail's selectors, and the tags every SCP carries. Expects a config that passed
 * {@link io.claudebaseline.config.ConfigValidator}; the rules that need the rendered text (SCP size, SCP count
 * per target, selector values) are checked here and reported as {@link ConfigException}s.
 */
public final class BaselineBuilder {
    private BaselineBuilder() {}

    public static Baseline build(BaselineConfig config, Templates templates) throws ConfigException {
        List<Problem> problems = new ArrayList<>();

        List<PolicyStatement> statements = new StatementRenderer(config, templates).render();
        ScpPacker.Result packed = new ScpPacker(new PolicyDocumentRenderer(templates), config.limits().scpMaxCharacters())
                .pack(statements, config.layout(), config.policyNamePrefix());
        if (!packed.oversize().isEmpty()) {
            problems.addAll(oversizeProblems(config, statements, packed.oversize()));
        }
        List<ScpDocument> scps = packed.scps();
        int slots = config.limits().scpMaxPerTarget() - 1;
        if (packed.oversize().isEmpty() && scps.size() > slots) {
            problems.add(Problem.error("limits.scpMaxPerTarget", "the baseline needs " + scps.size() + " SCPs ("
                    + nameRange(scps) + ") but a target holds "
                    + config.limits().scpMaxPerTarget() + " of which FullAWSAccess takes one; " + slotsFix(config)));
        }

        Optional<TrailSelectors> trail = new SelectorBuilder(config, templates).build();
        if (trail.isPresent() && trail.get().valueCount() > config.limits().selectorValuesMax()) {
            problems.add(Problem.error("controls.cloudTrailDataEvents.scope", "the selectors need "
                    + trail.get().valueCount() + " values but a trail allows " + config.limits().selectorValuesMax()
                    + " across all its advanced selectors; use scope: all-workspaces (no per-workspace values) or list fewer workspaces"));
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new ConfigException("(rendered baseline)", problems);
        }

        Map<String, String> tags = new LinkedHashMap<>();
        config.tags().forEach((k, v) -> tags.put(k, v == null ? "" : v));
        tags.put(AwsFacts.OWNERSHIP_TAG_KEY, AwsFacts.OWNERSHIP_TAG_VALUE);
        return new Baseline(config, scps, scps.isEmpty() ? List.of() : config.targets(), trail, tags);
    }

    private static List<Problem> oversizeProblems(BaselineConfig config, List<PolicyStatement> all, List<ScpPacker.Oversize> oversize) {
        String largest = all.stream().sorted(Comparator.comparingInt(PolicyStatement::minifiedLength).reversed()).limit(3)
                .map(s -> s.sid() + " (" + s.minifiedLength() + " characters)").collect(Collectors.joining(", "));
        List<Problem> problems = new ArrayList<>();
        for (ScpPacker.Oversize o : oversize) {
            problems.add(Problem.error(pathOf(config, o.statement()), "statement " + o.statement().sid() + " makes an SCP of "
                    + o.documentCharacters() + " characters even alone, over limits.scpMaxCharacters = "
                    + config.limits().scpMaxCharacters() + " (largest statements: " + largest + "); "
                    + fixFor(o.statement().control(), config.limits().scpMaxCharacters())));
        }
        return problems;
    }

    /** Only advice that can help with this config: no "use combined" when it is, no raise past AWS's maximum. */
    /**
     * The SCPs' names for a message: all of them when there are a few, otherwise the first three and the last, so
     * that a config needing hundreds of SCPs gets one readable line rather than hundreds of names.
     */
    static String nameRange(List<ScpDocument> scps) {
        if (scps.size() <= 5) {
            return scps.stream().map(ScpDocument::name).collect(Collectors.joining(", "));
        }
        return scps.subList(0, 3).stream().map(ScpDocument::name).collect(Collectors.joining(", "))
                + ", … " + scps.get(scps.size() - 1).name();
    }

    private static String slotsFix(BaselineConfig config) {
        List<String> fixes = new ArrayList<>();
        if (config.layout() != BaselineConfig.Layout.COMBINED) {
            fixes.add("use layout: combined");
        }
        fixes.add("give workspaces the same allow-list so they share a statement, or cover several principals with one wildcard ARN");
        if (config.limits().scpMaxCharacters() < AwsFacts.DEFAULT_SCP_MAX_CHARACTERS) {
            fixes.add("raise limits.scpMaxCharacters to " + AwsFacts.DEFAULT_SCP_MAX_CHARACTERS + " if your organisation has the May 2026 limit");
        }
        if (config.limits().scpMaxPerTarget() < AwsFacts.DEFAULT_SCP_MAX_PER_TARGET) {
            fixes.add("raise limits.scpMaxPerTarget to " + AwsFacts.DEFAULT_SCP_MAX_PER_TARGET + " if your organisation has the May 2026 limit");
        }
        return String.join("; ", fixes);
    }

    private static String fixFor(Control control, int scpMaxCharacters) {
        // One workspace's allow-list cannot be split across statements: each Deny would lock out the principals
        // listed only in the other. And raising the limit only helps below AWS's current maximum.
        String raise = scpMaxCharacters < AwsFacts.DEFAULT_SCP_MAX_CHARACTERS
                ? ", or raise limits.scpMaxCharacters to " + AwsFacts.DEFAULT_SCP_MAX_CHARACTERS + " if your organisation has the May 2026 limit"
                : " (" + AwsFacts.DEFAULT_SCP_MAX_CHARACTERS + " characters is AWS's maximum SCP size)";
        return switch (control) {
            case PROTECT_WORKSPACES -> "cover several principals with one wildcard ARN (e.g. arn:aws:iam::111122223333:role/claude-prod-*)"
                    + " or allow fewer, broader roles" + raise;
            case RESTRICT_PLATFORM_ADMINISTRATION -> "cover several platformAdmins or exemptPrincipals with one wildcard ARN" + raise;
            default -> "cover several exemptPrincipals with one wildcard ARN" + raise;
        };
    }

    /** The config field a statement comes from, so the error points where the fix goes. */
    static String pathOf(BaselineConfig config, PolicyStatement statement) {
        switch (statement.control()) {
            case PROTECT_WORKSPACES -> {
                List<WorkspaceConfig> ws = config.workspaces();
                for (int i = 0; i < ws.size(); i++) {
                    if (StatementRenderer.protectSid(ws.get(i)).equals(statement.sid())) {
                        return "workspaces[" + i + "].allowedPrincipals";
                    }
                }
                boolean byTag = statement.sid().equals(StatementRenderer.SID_PROTECT_TAGGED)
                        || statement.sid().equals(StatementRenderer.SID_PROTECT_TAG_KEY);
                return byTag ? "controls.protectWorkspaces.byTag.allowedPrincipals" : "workspaces";
            }
            case DENY_LONG_TERM_KEY_CREATION -> {
                return "controls.denyLongTermKeyCreation";
            }
            case DENY_SHADOW_USERS -> {
                return "controls.denyShadowUsers";
            }
            case DENY_LONG_TERM_KEY_USE -> {
                return "controls.denyLongTermKeyUse";
            }
            case RESTRICT_PLATFORM_ADMINISTRATION -> {
                return "controls.restrictPlatformAdministration.platformAdmins";
            }
            default -> {
                return "controls";
            }
        }
    }
}

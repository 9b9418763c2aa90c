package io.claudebaseline.report;

import io.claudebaseline.model.Control;
import io.claudebaseline.verify.CheckResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where a live finding is: the AWS resources it names (logical locations) and the config field of its control. */
final class SarifLocations {
    /** One AWS resource a finding concerns, e.g. {@code scp/claude-baseline-1} or {@code account/111122223333}. */
    record Logical(String name, String fullyQualifiedName) {}

    /** Evidence fields that name a resource, and the kind of resource they name. */
    private static final Map<String, String> EVIDENCE_KINDS = new java.util.LinkedHashMap<>();

    static {
        EVIDENCE_KINDS.put("policyId", "policy");
        EVIDENCE_KINDS.put("decidingPolicy", "scp");
        EVIDENCE_KINDS.put("trailArn", "trail");
        EVIDENCE_KINDS.put("trailName", "trail");
        EVIDENCE_KINDS.put("account", "account");
        EVIDENCE_KINDS.put("ou", "ou");
        EVIDENCE_KINDS.put("target", "target");
        EVIDENCE_KINDS.put("userName", "user");
        EVIDENCE_KINDS.put("keyId", "key");
        EVIDENCE_KINDS.put("workspaces", "workspace");
    }

    private SarifLocations() {}

    /** The config field a control is configured at (its line is the physical location of live findings). */
    static String configPath(String control) {
        for (Control c : Control.values()) {
            if (c.id().equals(control)) {
                return switch (c) {
                    case PROTECT_WORKSPACES -> "controls.protectWorkspaces";
                    case DENY_LONG_TERM_KEY_CREATION -> "controls.denyLongTermKeyCreation";
                    case DENY_SHADOW_USERS -> "controls.denyShadowUsers";
                    case DENY_LONG_TERM_KEY_USE -> "controls.denyLongTermKeyUse";
                    case RESTRICT_PLATFORM_ADMINISTRATION -> "controls.restrictPlatformAdministration";
                    case CLOUDTRAIL_DATA_EVENTS -> "controls.cloudTrailDataEvents";
                };
            }
        }
        return "organization".equals(control) ? "targets" : "";
    }

    static List<Logical> logical(CheckResult c) {
        Set<Logical> out = new LinkedHashSet<>();
        String[] parts = String.valueOf(c.check()).split(":");
        if (parts[0].startsWith("scp-") && parts.length > 1) {
            out.add(new Logical(parts[1], "scp/" + parts[1]));
            if (parts.length > 2) {
                out.add(new Logical(parts[2], "target/" + parts[2]));
            }
        }
        EVIDENCE_KINDS.forEach((key, kind) -> {
            Object v = c.evidence().get(key);
            List<Object> values = v instanceof Collection<?> list ? new ArrayList<>(list) : v == null ? List.of() : List.of(v);
            values.stream().limit(10).map(String::valueOf).filter(s -> !s.isBlank() && !"null".equals(s))
                    .forEach(s -> out.add(new Logical(s, kind + "/" + s)));
        });
        return new ArrayList<>(out);
    }
}

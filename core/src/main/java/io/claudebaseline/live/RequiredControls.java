package io.claudebaseline.live;

import io.claudebaseline.model.Baseline;
import io.claudebaseline.model.Control;
import io.claudebaseline.model.ScpDocument;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * verify --require (the step's {@code require:}): the controls a gate depends on, checked independently of the
 * config. Verify alone compares the live organisation with what the config asks for, so a config with a control
 * switched off verifies green while protecting less; a required control fails the gate unless the config enables
 * it AND every check that proves it passed. Pure: works on the checks verify already made.
 */
public final class RequiredControls {
    private RequiredControls() {}

    /** Check name prefix: {@code required-control:<control id>}. */
    static final String CHECK = "required-control:";

    /** The controls named by {@code ids}, duplicates dropped; an unknown id is refused naming the accepted ones. */
    public static List<Control> parse(List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        Set<Control> out = new LinkedHashSet<>();
        for (String id : ids) {
            try {
                out.add(Control.byId(id));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("required control " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    /** One check per required control, from the config and the checks verify made. */
    public static List<CheckResult> check(Baseline baseline, List<CheckResult> checks, List<Control> required) {
        List<CheckResult> out = new ArrayList<>();
        for (Control control : required) {
            out.add(check(baseline, checks, control));
        }
        return out;
    }

    private static CheckResult check(Baseline baseline, List<CheckResult> checks, Control control) {
        String name = CHECK + control.id();
        if (!control.enabledIn(baseline.config().controls())) {
            return CheckResult.fail(control.id(), name, "Control " + control.id() + " is required but not enabled in the config"
                    + " (controls." + configKey(control) + "); enable it, or drop it from --require / require: if the gate"
                    + " really no longer depends on it.").withEvidence(Map.of("enabledInConfig", false));
        }
        List<CheckResult> proving = proving(baseline, checks, control);
        List<String> failed = proving.stream().filter(c -> c.status() == CheckStatus.FAIL).map(CheckResult::check).toList();
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("enabledInConfig", true);
        ev.put("provingChecks", proving.stream().map(CheckResult::check).toList());
        if (proving.isEmpty()) {
            return CheckResult.fail(control.id(), name, "Control " + control.id() + " is required and enabled, but no check proves it is"
                    + " in place (the baseline carries nothing of it: " + emptyReason(control) + "); fix the config so it has something to"
                    + " protect.").withEvidence(ev);
        }
        if (!failed.isEmpty()) {
            ev.put("failedChecks", failed);
            return CheckResult.fail(control.id(), name, "Control " + control.id() + " is required but not in place: " + failed.size()
                    + " of its " + proving.size() + " checks failed (" + failed.stream().limit(5).collect(Collectors.joining(", "))
                    + (failed.size() > 5 ? ", …" : "") + "); run apply.").withEvidence(ev);
        }
        return CheckResult.pass(control.id(), name, "Control " + control.id() + " is required, enabled and in place (" + proving.size()
                + " checks passed).").withEvidence(ev);
    }

    /**
     * The checks that prove a control: those reported under its id, and those of the SCPs that carry it (under
     * layout: combined an SCP's checks are reported under {@code baseline-scps}, and their names end in the SCP's name).
     */
    private static List<CheckResult> proving(Baseline baseline, List<CheckResult> checks, Control control) {
        Set<String> scps = baseline.scps().stream().filter(d -> d.controls().contains(control)).map(ScpDocument::name)
                .collect(Collectors.toSet());
        return checks.stream().filter(c -> !c.check().startsWith(CHECK))
                .filter(c -> c.control().equals(control.id()) || scps.stream().anyMatch(s -> isScpCheck(c.check(), s)))
                .toList();
    }

    private static boolean isScpCheck(String check, String scpName) {
        return check.equals("scp-exists:" + scpName) || check.equals("scp-content:" + scpName)
                || check.startsWith("scp-attached:" + scpName + ":");
    }

    private static String configKey(Control control) {
        return switch (control) {
            case PROTECT_WORKSPACES -> "protectWorkspaces";
            case DENY_LONG_TERM_KEY_CREATION -> "denyLongTermKeyCreation";
            case DENY_SHADOW_USERS -> "denyShadowUsers";
            case DENY_LONG_TERM_KEY_USE -> "denyLongTermKeyUse";
            case RESTRICT_PLATFORM_ADMINISTRATION -> "restrictPlatformAdministration";
            case CLOUDTRAIL_DATA_EVENTS -> "cloudTrailDataEvents";
        };
    }

    private static String emptyReason(Control control) {
        return control == Control.PROTECT_WORKSPACES ? "list the workspaces to protect under workspaces:"
                : control == Control.CLOUDTRAIL_DATA_EVENTS ? "set controls.cloudTrailDataEvents.trailName" : "no SCP statement was rendered for it";
    }
}

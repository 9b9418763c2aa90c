package io.claudebaseline.engine.api;

import java.util.Locale;

/** What one run of the engine does. The CLI subcommands and the Jenkins step's {@code action:} map onto these. */
public enum Action {
    /** Parse and validate the config; no output, no AWS. */
    VALIDATE(false),
    /** Write SCP JSON, CloudTrail selectors, the Terraform module and a manifest; no AWS. */
    RENDER(false),
    /** Evaluate built-in and user scenarios against the rendered SCPs; no AWS. */
    SIMULATE(false),
    /** Read the live organisation and list the changes apply would make. */
    PLAN(true),
    /** Make those changes (or, with dry-run, only plan them). */
    APPLY(true),
    /** Check the live organisation against the baseline and write reports. */
    VERIFY(true),
    /** Read the trail's Claude events back: who used each workspace, who was denied, how to tighten the allow-lists. */
    USAGE(true),
    /** Remove what the tool installed: its SCPs (detached, deleted) and its trail selectors (or, with dry-run, plan it). */
    DESTROY(true);

    private final boolean needsAws;

    Action(boolean needsAws) {
        this.needsAws = needsAws;
    }

    public boolean needsAws() {
        return needsAws;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code render}, {@code Verify}, …; the error lists the accepted values. */
    public static Action parse(String value) {
        for (Action a : values()) {
            if (a.id().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("action '" + value + "' is not one of: "
                + java.util.Arrays.stream(values()).map(Action::id).collect(java.util.stream.Collectors.joining(", ")));
    }
}

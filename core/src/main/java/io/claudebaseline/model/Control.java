package io.claudebaseline.model;

/** The baseline controls, with the stable ids used in SIDs, reports and file names. */
public enum Control {
    PROTECT_WORKSPACES("protect-workspaces", "Protect critical workspaces"),
    DENY_LONG_TERM_KEY_CREATION("deny-long-term-key-creation", "No long-term Claude API keys: deny creating them"),
    DENY_SHADOW_USERS("deny-shadow-users", "No long-term Claude API keys: deny their shadow IAM users"),
    DENY_LONG_TERM_KEY_USE("deny-long-term-key-use", "No long-term Claude API keys: deny using them"),
    RESTRICT_PLATFORM_ADMINISTRATION("platform-administration", "Claude Platform administration only by the platform admins"),
    CLOUDTRAIL_DATA_EVENTS("cloudtrail-data-events", "CloudTrail data events for Claude workspaces");

    private final String id;
    private final String title;

    Control(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** True for the controls delivered as SCP statements (the others are CloudTrail configuration). */
    public boolean isScp() {
        return this != CLOUDTRAIL_DATA_EVENTS;
    }

    /** Whether {@code controls} switches this control on. */
    public boolean enabledIn(io.claudebaseline.config.ControlsConfig controls) {
        return switch (this) {
            case PROTECT_WORKSPACES -> controls.protectWorkspaces().enabled();
            case DENY_LONG_TERM_KEY_CREATION -> controls.denyLongTermKeyCreation().isEnabled();
            case DENY_SHADOW_USERS -> controls.denyShadowUsers().isEnabled();
            case DENY_LONG_TERM_KEY_USE -> controls.denyLongTermKeyUse().enabled();
            case RESTRICT_PLATFORM_ADMINISTRATION -> controls.restrictPlatformAdministration().isEnabled();
            case CLOUDTRAIL_DATA_EVENTS -> controls.cloudTrailDataEvents().enabled();
        };
    }

    /** The control with this id; the error lists the accepted ids. */
    public static Control byId(String id) {
        String wanted = id == null ? "" : id.trim();
        for (Control c : values()) {
            if (c.id.equals(wanted)) {
                return c;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a control id; accepted: " + ids());
    }

    /** Every control id, comma-separated, in declaration order. */
    public static String ids() {
        return java.util.Arrays.stream(values()).map(Control::id).collect(java.util.stream.Collectors.joining(", "));
    }
}

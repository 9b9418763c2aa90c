package io.claudebaseline.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.claudebaseline.facts.AwsFacts;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline controls. Each accepts {@code true}/{@code false} as a shorthand for {@code {enabled: ...}}.
 */
public record ControlsConfig(
        ProtectWorkspaces protectWorkspaces,
        KeyCreation denyLongTermKeyCreation,
        ShadowUsers denyShadowUsers,
        Toggle denyLongTermKeyUse,
        CloudTrailDataEvents cloudTrailDataEvents,
        PlatformAdministration restrictPlatformAdministration) {

    public ControlsConfig {
        protectWorkspaces = protectWorkspaces == null ? ProtectWorkspaces.of(true) : protectWorkspaces;
        restrictPlatformAdministration = restrictPlatformAdministration == null
                ? PlatformAdministration.disabled() : restrictPlatformAdministration;
        denyLongTermKeyCreation = denyLongTermKeyCreation == null ? KeyCreation.defaults() : denyLongTermKeyCreation;
        denyShadowUsers = denyShadowUsers == null ? ShadowUsers.defaults() : denyShadowUsers;
        denyLongTermKeyUse = denyLongTermKeyUse == null ? new Toggle(true) : denyLongTermKeyUse;
        cloudTrailDataEvents = cloudTrailDataEvents == null ? CloudTrailDataEvents.disabled() : cloudTrailDataEvents;
    }

    /** The controls that existed before {@code restrictPlatformAdministration} and {@code byTag} (both off). */
    public ControlsConfig(Toggle protectWorkspaces, KeyCreation denyLongTermKeyCreation, ShadowUsers denyShadowUsers,
                          Toggle denyLongTermKeyUse, CloudTrailDataEvents cloudTrailDataEvents) {
        this(protectWorkspaces == null ? null : ProtectWorkspaces.of(protectWorkspaces.enabled()), denyLongTermKeyCreation,
                denyShadowUsers, denyLongTermKeyUse, cloudTrailDataEvents, null);
    }

    public static ControlsConfig defaults() {
        return new ControlsConfig(null, null, null, null, null, null);
    }

    /** The controls of the published hardening guide's four SCPs, by field name (docs/controls.md). */
    public static final List<String> GUIDE_CONTROLS = List.of("protectWorkspaces", "denyLongTermKeyCreation", "denyShadowUsers",
            "denyLongTermKeyUse");

    /**
     * Every control by field name, in declaration order, and whether it is on. Read from the record's components, so a
     * control added to this record is counted without changes elsewhere (each has {@code enabled()} or {@code isEnabled()}).
     */
    public Map<String, Boolean> enabledByName() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (RecordComponent component : ControlsConfig.class.getRecordComponents()) {
            try {
                out.put(component.getName(), isOn(component.getAccessor().invoke(this)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("control " + component.getName() + " cannot be read", e);
            }
        }
        return out;
    }

    private static boolean isOn(Object control) throws ReflectiveOperationException {
        if (control == null) {
            return false;
        }
        for (String name : List.of("isEnabled", "enabled")) {
            try {
                Object value = control.getClass().getMethod(name).invoke(control);
                if (value instanceof Boolean on) {
                    return on;
                }
            } catch (NoSuchMethodException e) {
                // try the other accessor name
            }
        }
        throw new NoSuchMethodException(control.getClass().getSimpleName() + " has neither enabled() nor isEnabled()");
    }

    /** A control with no options. */
    public record Toggle(boolean enabled) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Toggle of(boolean enabled) {
            return new Toggle(enabled);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public static Toggle fromObject(@JsonProperty("enabled") Boolean enabled) {
            return new Toggle(enabled == null || enabled);
        }
    }

    /**
     * Deny creating long-term keys ({@code iam:CreateServiceSpecificCredential}) and keeping old ones alive
     * (Reset: a new secret; Update: re-activation).
     *
     * @param maxAgeDays when set, creating a key that expires within this many days is allowed; a longer-lived key,
     *                   or one that never expires, is still denied. Null: every new key is denied
     */
    public record KeyCreation(Boolean enabled, Scope scope, Integer maxAgeDays) {
        public KeyCreation {
            enabled = enabled == null || enabled;
            scope = scope == null ? Scope.CLAUDE_SERVICE : scope;
        }

        public KeyCreation(Boolean enabled, Scope scope) {
            this(enabled, scope, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static KeyCreation of(boolean enabled) {
            return new KeyCreation(enabled, null, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public static KeyCreation fromObject(@JsonProperty("enabled") Boolean enabled, @JsonProperty("scope") Scope scope,
                                             @JsonProperty("maxAgeDays") Integer maxAgeDays) {
            return new KeyCreation(enabled, scope, maxAgeDays);
        }

        public static KeyCreation defaults() {
            return new KeyCreation(true, Scope.CLAUDE_SERVICE, null);
        }

        public boolean isEnabled() {
            return enabled;
        }

        public enum Scope {
            /** Only credentials for aws-external-anthropic.amazonaws.com (CodeCommit, Keyspaces, Bedrock keep working). */
            @JsonProperty("claude-service") CLAUDE_SERVICE,
            /** Every service-specific credential, as the published hardening guide does. */
            @JsonProperty("all-services") ALL_SERVICES
        }
    }

    /**
     * Protect workspaces: the listed ones by ARN ({@code workspaces[]}), and optionally every workspace carrying a tag.
     */
    public record ProtectWorkspaces(boolean enabled, ByTag byTag) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static ProtectWorkspaces of(boolean enabled) {
            return new ProtectWorkspaces(enabled, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public static ProtectWorkspaces fromObject(@JsonProperty("enabled") Boolean enabled, @JsonProperty("byTag") ByTag byTag) {
            return new ProtectWorkspaces(enabled == null || enabled, byTag);
        }

        /** True when tagged workspaces are protected too. */
        public boolean hasByTag() {
            return enabled && byTag != null;
        }
    }

    /**
     * Protect every workspace whose tag {@code key} has one of {@code values}: only {@code allowedPrincipals} (and the
     * exempt principals) may call Claude Platform on it, or set or remove that tag anywhere.
     */
    public record ByTag(String key, List<String> values, List<String> allowedPrincipals) {
        public ByTag {
            values = values == null ? List.of() : List.copyOf(values);
            allowedPrincipals = allowedPrincipals == null ? List.of() : List.copyOf(allowedPrincipals);
        }
    }

    /**
     * Deny the account-level administration of Claude Platform (creating workspaces, the external encryption keys,
     * console sign-in with the admin capability) to everyone but {@code platformAdmins} and the exempt principals.
     * Off unless configured: it needs the admins, and an empty list would lock everyone out.
     */
    public record PlatformAdministration(Boolean enabled, List<String> platformAdmins) {
        public PlatformAdministration {
            platformAdmins = platformAdmins == null ? List.of() : List.copyOf(platformAdmins);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static PlatformAdministration of(boolean enabled) {
            return new PlatformAdministration(enabled, null);
        }

        /** A block with platform admins turns the control on unless it says {@code enabled: false}. */
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public static PlatformAdministration fromObject(@JsonProperty("enabled") Boolean enabled,
                                                        @JsonProperty("platformAdmins") List<String> platformAdmins) {
            return new PlatformAdministration(enabled == null || enabled, platformAdmins);
        }

        public static PlatformAdministration disabled() {
            return new PlatformAdministration(false, null);
        }

        public boolean isEnabled() {
            return enabled != null && enabled;
        }
    }

    /** Deny {@code iam:CreateUser} for the shadow users behind long-term keys. */
    public record ShadowUsers(Boolean enabled, String userNamePattern, Boolean anyPath) {
        public ShadowUsers {
            enabled = enabled == null || enabled;
            userNamePattern = userNamePattern == null ? AwsFacts.DEFAULT_SHADOW_USER_PATTERN : userNamePattern;
            anyPath = anyPath == null || anyPath;
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static ShadowUsers of(boolean enabled) {
            return new ShadowUsers(enabled, null, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public static ShadowUsers fromObject(@JsonProperty("enabled") Boolean enabled,
                                             @JsonProperty("userNamePattern") String userNamePattern,
                                             @JsonProperty("anyPath") Boolean anyPath) {
            return new ShadowUsers(enabled, userNamePattern, anyPath);
        }

        public static ShadowUsers defaults() {
            return new ShadowUsers(true, null, true);
        }

        public boolean isEnabled() {
            return enabled;
        }
    }

    /**
     * CloudTrail data events for Claude workspaces.
     *
     * @param trailName               existing trail to add the selectors to (or to create with {@code createTrail})
     * @param homeRegion              the trail's home region: PutEventSelectors must be called there
     * @param scope                   log every workspace, or only the listed ones (a StartsWith per workspace ARN)
     * @param includeManagementEvents keep a management-events selector in the set so that writing it does not
     *                                silently stop management logging; false for a trail dedicated to Claude data
     * @param createTrail             when set, the Terraform module also creates the trail
     */
    public record CloudTrailDataEvents(
            Boolean enabled,
            String trailName,
            String homeRegion,
            Scope scope,
            Boolean includeManagementEvents,
            CreateTrail createTrail) {

        public CloudTrailDataEvents {
            enabled = enabled == null || enabled;
            scope = scope == null ? Scope.ALL_WORKSPACES : scope;
            includeManagementEvents = includeManagementEvents == null || includeManagementEvents;
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static CloudTrailDataEvents of(boolean enabled) {
            return new CloudTrailDataEvents(enabled, null, null, null, null, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public static CloudTrailDataEvents fromObject(@JsonProperty("enabled") Boolean enabled,
                                                      @JsonProperty("trailName") String trailName,
                                                      @JsonProperty("homeRegion") String homeRegion,
                                                      @JsonProperty("scope") Scope scope,
                                                      @JsonProperty("includeManagementEvents") Boolean includeManagementEvents,
                                                      @JsonProperty("createTrail") CreateTrail createTrail) {
            return new CloudTrailDataEvents(enabled, trailName, homeRegion, scope, includeManagementEvents, createTrail);
        }

        public static CloudTrailDataEvents disabled() {
            return new CloudTrailDataEvents(false, null, null, null, null, null);
        }

        public boolean isEnabled() {
            return enabled;
        }

        public enum Scope {
            @JsonProperty("all-workspaces") ALL_WORKSPACES,
            @JsonProperty("listed-workspaces") LISTED_WORKSPACES
        }
    }

    /**
     * Settings for a trail the Terraform module creates (apply never creates trails through the API).
     */
    public record CreateTrail(
            String s3BucketName,
            Boolean multiRegion,
            Boolean organizationTrail,
            Boolean logFileValidation,
            String kmsKeyId,
            String cloudWatchLogsGroupArn,
            String cloudWatchLogsRoleArn) {
        public CreateTrail {
            multiRegion = multiRegion == null || multiRegion;
            organizationTrail = organizationTrail != null && organizationTrail;
            logFileValidation = logFileValidation == null || logFileValidation;
        }
    }
}

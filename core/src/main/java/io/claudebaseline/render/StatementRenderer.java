package io.claudebaseline.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.config.ControlsConfig;
import io.claudebaseline.config.WorkspaceConfig;
import io.claudebaseline.facts.AwsFacts;
import io.claudebaseline.model.Control;
import io.claudebaseline.model.PolicyStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Renders the SCP statements of every enabled control from their templates and parses each back, in a fixed
 * order (control order, then workspace order), so the same config always yields the same statements.
 */
public final class StatementRenderer {

    /** Sids as the published hardening guide names them; protect-workspace Sids add the workspace id. */
    public static final String SID_PROTECT_WORKSPACE = "DenyUnauthorizedAccessToWorkspace";
    public static final String SID_KEY_CREATION = "DenyServiceSpecificCredential";
    public static final String SID_SHADOW_USERS = "DenyShadowIamUserCreation";
    public static final String SID_KEY_USE = "DenyWhenLongTermBearerTokenUsed";
    /** Sids of the statements the guide does not have (tagged workspaces, platform administration). */
    public static final String SID_PROTECT_TAGGED = "DenyUnauthorizedAccessByWorkspaceTag";
    public static final String SID_PROTECT_TAG_KEY = "DenyChangingWorkspaceProtectionTag";
    public static final String SID_PLATFORM_ADMINISTRATION = "DenyPlatformAdministration";
    public static final String SID_ADMIN_CONSOLE = "DenyAdminConsole";

    private final BaselineConfig config;
    private final Templates templates;

    public StatementRenderer(BaselineConfig config, Templates templates) {
        this.config = config;
        this.templates = templates;
    }

    /** Every statement the enabled SCP controls need. */
    public List<PolicyStatement> render() {
        ControlsConfig controls = config.controls();
        List<PolicyStatement> out = new ArrayList<>();
        if (controls.protectWorkspaces().enabled()) {
            out.addAll(protectWorkspaces());
        }
        if (controls.protectWorkspaces().hasByTag()) {
            out.addAll(protectTaggedWorkspaces());
        }
        if (controls.denyLongTermKeyCreation().isEnabled()) {
            out.add(denyKeyCreation());
        }
        if (controls.denyShadowUsers().isEnabled()) {
            out.add(denyShadowUsers());
        }
        if (controls.denyLongTermKeyUse().enabled()) {
            out.add(denyKeyUse());
        }
        if (controls.restrictPlatformAdministration().isEnabled()) {
            out.addAll(restrictPlatformAdministration());
        }
        return out;
    }

    /**
     * One statement per distinct allow-list: workspaces whose allowed principals are the same set share a
     * statement (their ARNs become its Resource list), which saves characters and attachment slots.
     */
    List<PolicyStatement> protectWorkspaces() {
        Map<TreeSet<String>, List<WorkspaceConfig>> groups = new LinkedHashMap<>();
        for (WorkspaceConfig w : config.workspaces()) {
            groups.computeIfAbsent(new TreeSet<>(w.allowedPrincipals()), k -> new ArrayList<>()).add(w);
        }
        List<PolicyStatement> out = new ArrayList<>();
        java.util.Set<String> sids = new java.util.HashSet<>();
        for (List<WorkspaceConfig> group : groups.values()) {
            LinkedHashSet<String> principals = new LinkedHashSet<>(group.get(0).allowedPrincipals());
            principals.addAll(config.exemptPrincipals());
            List<String> resources = group.stream()
                    .map(w -> AwsFacts.workspaceArn(config.partition(), w.region(), w.account(), w.id()))
                    .distinct().toList();
            // Valid ids give distinct Sids; the counter only guards ids that differ in non-alphanumerics.
            String sid = protectSid(group.get(0));
            for (int n = 2; !sids.add(sid); n++) {
                sid = protectSid(group.get(0)) + n;
            }
            Map<String, Object> scope = base(sid);
            scope.put("resources", Scope.items(resources));
            scope.put("principals", Scope.items(List.copyOf(principals)));
            out.add(statement(Templates.SCP_PROTECT_WORKSPACE, Control.PROTECT_WORKSPACES, scope));
        }
        return out;
    }

    /** Sid for the statement protecting {@code first} (and any workspace sharing its allow-list). */
    public static String protectSid(WorkspaceConfig first) {
        String id = first.id() == null ? "" : first.id();
        String suffix = id.startsWith("wrkspc_") ? id.substring("wrkspc_".length()) : id;
        // Sids hold only ASCII letters and digits; a loop, not replaceAll, since this runs once per workspace group.
        StringBuilder sid = new StringBuilder(SID_PROTECT_WORKSPACE.length() + suffix.length()).append(SID_PROTECT_WORKSPACE);
        for (int i = 0; i < suffix.length(); i++) {
            char ch = suffix.charAt(i);
            if (ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9') {
                sid.append(ch);
            }
        }
        return sid.toString();
    }

    /**
     * Every workspace whose tag matches, by a wildcard workspace ARN (so the statement does not grow with the number
     * of workspaces), plus a guard on the tag key itself so that no one outside the allow-list can set or remove it.
     */
    List<PolicyStatement> protectTaggedWorkspaces() {
        ControlsConfig.ByTag byTag = config.controls().protectWorkspaces().byTag();
        LinkedHashSet<String> principals = new LinkedHashSet<>(byTag.allowedPrincipals());
        principals.addAll(config.exemptPrincipals());
        Map<String, Object> access = base(SID_PROTECT_TAGGED);
        access.put("resource", AwsFacts.workspaceArn(config.partition(), "*", "*", "*"));
        access.put("resourceTagKey", AwsFacts.RESOURCE_TAG_KEY_PREFIX + byTag.key());
        access.put("values", Scope.items(byTag.values()));
        access.put("principals", Scope.items(List.copyOf(principals)));
        Map<String, Object> guard = base(SID_PROTECT_TAG_KEY);
        guard.put("actions", Scope.items(List.of(AwsFacts.ACTION_TAG_RESOURCE, AwsFacts.ACTION_UNTAG_RESOURCE)));
        guard.put("tagKeysKey", AwsFacts.TAG_KEYS_KEY);
        guard.put("tagKey", byTag.key());
        guard.put("principals", Scope.items(List.copyOf(principals)));
        return List.of(statement(Templates.SCP_PROTECT_TAGGED_WORKSPACES, Control.PROTECT_WORKSPACES, access),
                statement(Templates.SCP_PROTECT_TAG_KEY, Control.PROTECT_WORKSPACES, guard));
    }

    /**
     * Create, Reset and Update in one statement. With {@code maxAgeDays}, {@code NumericGreaterThanIfExists} on the
     * age key denies a key that lives longer AND one created without an expiry (the key is then absent and
     * ...IfExists holds; a plain NumericGreaterThan would let it through). Reset and Update never carry the key,
     * so they stay denied.
     */
    PolicyStatement denyKeyCreation() {
        ControlsConfig.KeyCreation keys = config.controls().denyLongTermKeyCreation();
        boolean scoped = keys.scope() == ControlsConfig.KeyCreation.Scope.CLAUDE_SERVICE;
        boolean exempt = !config.exemptPrincipals().isEmpty();
        Map<String, Object> scope = base(SID_KEY_CREATION);
        scope.put("actions", Scope.items(AwsFacts.KEY_LIFECYCLE_ACTIONS));
        scope.put("scoped", scoped);
        scope.put("moreAfterScope", keys.maxAgeDays() != null || exempt);
        scope.put("hasCondition", scoped || keys.maxAgeDays() != null || exempt);
        scope.put("serviceNameKey", AwsFacts.SSC_SERVICE_NAME_KEY);
        scope.put("serviceName", AwsFacts.SERVICE_NAME);
        scope.put("ageDaysKey", AwsFacts.SSC_AGE_DAYS_KEY);
        scope.put("maxAgeDays", Scope.optional(keys.maxAgeDays() == null ? null : keys.maxAgeDays().toString()));
        return statement(Templates.SCP_DENY_KEY_CREATION, Control.DENY_LONG_TERM_KEY_CREATION, scope);
    }

    /**
     * The account-level actions (no resource, hence {@code "Resource": "*"}) and console sign-in with the admin
     * capability, each denied to everyone but the platform admins and the exempt principals.
     */
    List<PolicyStatement> restrictPlatformAdministration() {
        LinkedHashSet<String> principals = new LinkedHashSet<>(config.controls().restrictPlatformAdministration().platformAdmins());
        principals.addAll(config.exemptPrincipals());
        Map<String, Object> admin = base(SID_PLATFORM_ADMINISTRATION);
        admin.put("actions", Scope.items(AwsFacts.PLATFORM_ADMIN_ACTIONS.stream().map(a -> AwsFacts.SERVICE_PREFIX + ":" + a).toList()));
        admin.put("principals", Scope.items(List.copyOf(principals)));
        Map<String, Object> console = base(SID_ADMIN_CONSOLE);
        console.put("assumeConsole", AwsFacts.ACTION_ASSUME_CONSOLE);
        console.put("capabilityKey", AwsFacts.CONSOLE_CAPABILITY_KEY);
        console.put("adminCapability", AwsFacts.CONSOLE_CAPABILITY_ADMIN);
        console.put("principals", Scope.items(List.copyOf(principals)));
        return List.of(statement(Templates.SCP_PLATFORM_ADMINISTRATION, Control.RESTRICT_PLATFORM_ADMINISTRATION, admin),
                statement(Templates.SCP_ADMIN_CONSOLE, Control.RESTRICT_PLATFORM_ADMINISTRATION, console));
    }

    PolicyStatement denyShadowUsers() {
        Map<String, Object> scope = base(SID_SHADOW_USERS);
        scope.put("resources", Scope.items(shadowUserResources(config)));
        return statement(Templates.SCP_DENY_SHADOW_USERS, Control.DENY_SHADOW_USERS, scope);
    }

    /**
     * IAM user ARNs carry the user's path ({@code user/division/name}). The root path gives
     * {@code user/<pattern>}; {@code anyPath} adds {@code user/*}{@code /<pattern>}, which matches every deeper
     * path but, unlike {@code user/*<pattern>}, never a user whose name merely ends in the pattern.
     */
    public static List<String> shadowUserResources(BaselineConfig config) {
        ControlsConfig.ShadowUsers shadow = config.controls().denyShadowUsers();
        String base = "arn:" + config.partition() + ":iam::*:user/";
        List<String> resources = new ArrayList<>();
        resources.add(base + shadow.userNamePattern());
        if (shadow.anyPath()) {
            resources.add(base + "*/" + shadow.userNamePattern());
        }
        return resources;
    }

    PolicyStatement denyKeyUse() {
        Map<String, Object> scope = base(SID_KEY_USE);
        scope.put("bearerTokenTypeKey", AwsFacts.BEARER_TOKEN_TYPE_KEY);
        scope.put("longTerm", AwsFacts.BEARER_TOKEN_LONG_TERM);
        return statement(Templates.SCP_DENY_KEY_USE, Control.DENY_LONG_TERM_KEY_USE, scope);
    }

    /** Values every statement template may use; exempt principals go into every deny. */
    private Map<String, Object> base(String sid) {
        Map<String, Object> scope = Scope.of();
        scope.put("sid", sid);
        scope.put("partition", config.partition());
        scope.put("servicePrefix", AwsFacts.SERVICE_PREFIX);
        scope.put("exempt", !config.exemptPrincipals().isEmpty());
        scope.put("exemptPrincipals", Scope.items(config.exemptPrincipals()));
        return scope;
    }

    private PolicyStatement statement(String template, Control control, Map<String, Object> scope) {
        String text = templates.render(template, scope);
        JsonNode node = RenderedJson.parse(text, templates.sources().get(template));
        String sid = (String) scope.get("sid");
        if (!(node instanceof ObjectNode object)) {
            throw new TemplateException("template " + templates.sources().get(template) + " must render one statement object");
        }
        if (!sid.equals(object.path("Sid").asText(null))) {
            throw new TemplateException("template " + templates.sources().get(template) + " must set \"Sid\": \"{{sid}}\" (got "
                    + object.path("Sid") + ")");
        }
        if (!"Deny".equals(object.path("Effect").asText())) {
            throw new TemplateException("template " + templates.sources().get(template)
                    + " must render a Deny statement: the baseline only ever denies (SCP allow-lists are out of scope)");
        }
        canonicalForm(object);
        return new PolicyStatement(sid, control, object);
    }

    /** The statement elements that take a string or a list of strings; the baseline always writes the list. */
    static final List<String> LIST_ELEMENTS = List.of("Action", "NotAction", "Resource", "NotResource");

    /**
     * One form for every rendered SCP, whatever the template wrote: Action, NotAction, Resource, NotResource and
     * each Principal value as a list of strings, the form Terraform's jsonencode and AWS's own policy editor use.
     * So a reviewer never sees {@code "Action": "x"} next to {@code "Action": ["y"]}. The change happens before any
     * size is computed, so packing measures what is written; verify compares policies as sets
     * ({@link io.claudebaseline.policy.PolicySemantics}), so an SCP applied in the older string form is no drift.
     */
    static void canonicalForm(ObjectNode statement) {
        for (String element : LIST_ELEMENTS) {
            JsonNode value = statement.get(element);
            if (value != null && value.isTextual()) {
                statement.putArray(element).add(value);
            }
        }
        if (statement.get("Principal") instanceof ObjectNode principal) {
            for (Map.Entry<String, JsonNode> kind : List.copyOf(principal.properties())) {
                if (kind.getValue().isTextual()) {
                    principal.putArray(kind.getKey()).add(kind.getValue());
                }
            }
        }
    }
}

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
        if (controls.denyLongTermKeyCreation().isEnabled()) {
            out.add(denyKeyCreation());
        }
        if (controls.denyShadowUsers().isEnabled()) {
            out.add(denyShadowUsers());
        }
        if (controls.denyLongTermKeyUse().enabled()) {
            out.add(denyKeyUse());
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
        return SID_PROTECT_WORKSPACE + suffix.replaceAll("[^A-Za-z0-9]", "");
    }

    PolicyStatement denyKeyCreation() {
        boolean scoped = config.controls().denyLongTermKeyCreation().scope() == ControlsConfig.KeyCreation.Scope.CLAUDE_SERVICE;
        Map<String, Object> scope = base(SID_KEY_CREATION);
        scope.put("scoped", scoped);
        scope.put("hasCondition", scoped || !config.exemptPrincipals().isEmpty());
        scope.put("serviceNameKey", AwsFacts.SSC_SERVICE_NAME_KEY);
        scope.put("serviceName", AwsFacts.SERVICE_NAME);
        return statement(Templates.SCP_DENY_KEY_CREATION, Control.DENY_LONG_TERM_KEY_CREATION, scope);
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
        return new PolicyStatement(sid, control, object);
    }
}

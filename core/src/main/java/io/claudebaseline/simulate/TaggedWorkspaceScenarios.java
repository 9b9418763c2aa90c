package io.claudebaseline.simulate;

import io.claudebaseline.config.ControlsConfig;
import io.claudebaseline.eval.Request;
import io.claudebaseline.facts.AwsFacts;
import io.claudebaseline.model.Control;
import io.claudebaseline.simulate.Scenario.Expect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Built-in scenarios of {@code protectWorkspaces.byTag}, on an example workspace that no config lists (so only the
 * tag can protect it): tagged, it is closed to an unlisted administrator and open to the allowed principals;
 * untagged or tagged with another value, it is not protected; and no one outside the allow-list may set or
 * remove the protection tag (in any letter case), while other tags stay free.
 */
final class TaggedWorkspaceScenarios {
    /**
     * Workspace actions the tag scenarios call: inference (a data event) and skill/environment configuration. A
     * sample is enough here: the tag statement denies {@code aws-external-anthropic:*} as one wildcard, which the
     * listed-workspace scenarios prove action by action against the service reference.
     */
    static final java.util.List<String> SAMPLE_ACTIONS = java.util.List.of("CreateInference", "UpdateSkill", "UpdateEnvironment");

    /** Id of the example workspace; "Tagged" keeps it apart from any configured id in messages. */
    static final String EXAMPLE_WORKSPACE_ID = "wrkspc_TaggedExample01";
    /** A tag key that is not the protection key, for the "other tags stay free" scenario. */
    static final List<String> OTHER_TAG_KEYS = List.of("cost-center", "team", "claude-baseline-example");

    private final BuiltInScenarios b;
    private final ControlsConfig.ByTag byTag;
    private final String control = Control.PROTECT_WORKSPACES.id();
    private final String prefix = "scenario:" + Control.PROTECT_WORKSPACES.id() + ":by-tag";
    private final String arn;
    private final String tagKey;

    TaggedWorkspaceScenarios(BuiltInScenarios b, ControlsConfig.ByTag byTag) {
        this.b = b;
        this.byTag = byTag;
        this.arn = AwsFacts.workspaceArn(b.config.partition(), ExampleValues.EXAMPLE_REGION, b.defaultAccount, EXAMPLE_WORKSPACE_ID);
        this.tagKey = AwsFacts.RESOURCE_TAG_KEY_PREFIX + byTag.key();
    }

    void derive() {
        List<String> excluded = new ArrayList<>(byTag.allowedPrincipals());
        excluded.addAll(b.config.exemptPrincipals());
        Optional<String> outsider = b.outsider(b.defaultAccount, excluded);
        String value = byTag.values().get(0);
        String tagged = "workspace " + EXAMPLE_WORKSPACE_ID + " tagged " + byTag.key() + "=";
        String note = "example workspace " + arn + ", protected only by its tag";

        for (String v : byTag.values()) {
            for (String action : SAMPLE_ACTIONS) {
                String q = BuiltInScenarios.qualified(action);
                unlisted(outsider, excluded, "tagged[" + v + "]:" + action, "is denied " + q + " on " + tagged + v,
                        p -> onWorkspace(p, q, v), Expect.DENIED, note);
            }
        }
        List<String> allowed = new ArrayList<>(new LinkedHashSet<>(byTag.allowedPrincipals()));
        for (int j = 0; j < allowed.size(); j++) {
            for (String action : SAMPLE_ACTIONS) {
                String q = BuiltInScenarios.qualified(action);
                allowed(j, allowed.get(j), action, "may call " + q + " on " + tagged + value, p -> onWorkspace(p, q, value), note);
            }
            allowed(j, allowed.get(j), "UntagResource", "may remove the protection tag " + byTag.key() + " from " + tagged + value,
                    p -> tagging(p, AwsFacts.ACTION_UNTAG_RESOURCE, value, byTag.key()), note);
        }
        String first = BuiltInScenarios.qualified(SAMPLE_ACTIONS.get(0));
        unlisted(outsider, excluded, "untagged:" + SAMPLE_ACTIONS.get(0), "is not denied " + first
                + " on workspace " + EXAMPLE_WORKSPACE_ID + " without the tag (the tag is what protects it)",
                p -> onWorkspace(p, first, null), Expect.ALLOWED, note);
        String other = otherValue();
        unlisted(outsider, excluded, "other-value:" + SAMPLE_ACTIONS.get(0), "is not denied " + first
                + " on " + tagged + other + " (a value not in byTag.values)", p -> onWorkspace(p, first, other), Expect.ALLOWED, note);

        unlisted(outsider, excluded, "untag", "is denied removing the protection tag " + byTag.key() + " from " + tagged + value,
                p -> tagging(p, AwsFacts.ACTION_UNTAG_RESOURCE, value, byTag.key()), Expect.DENIED, note);
        unlisted(outsider, excluded, "retag", "is denied overwriting the protection tag of " + tagged + value + " (TagResource)",
                p -> tagging(p, AwsFacts.ACTION_TAG_RESOURCE, value, byTag.key()), Expect.DENIED, note);
        // On an untagged workspace only the guard on aws:TagKeys applies: it proves the guard itself.
        unlisted(outsider, excluded, "tag-untagged", "is denied setting the protection tag " + byTag.key() + " on an untagged workspace",
                p -> tagging(p, AwsFacts.ACTION_TAG_RESOURCE, null, byTag.key()), Expect.DENIED, note);
        String upper = byTag.key().toUpperCase(Locale.ROOT);
        if (!upper.equals(byTag.key())) {
            unlisted(outsider, excluded, "untag-other-case", "is denied removing the tag key " + upper + " (the protection key in"
                    + " other letter case) from an untagged workspace", p -> tagging(p, AwsFacts.ACTION_UNTAG_RESOURCE, null, upper),
                    Expect.DENIED, note);
        }
        String otherKey = OTHER_TAG_KEYS.stream().filter(k -> !k.equalsIgnoreCase(byTag.key())).findFirst().orElseThrow();
        unlisted(outsider, excluded, "tag-other-key", "is not denied setting another tag (" + otherKey + ") on an untagged workspace",
                p -> tagging(p, AwsFacts.ACTION_TAG_RESOURCE, null, otherKey), Expect.ALLOWED, note);
        b.exempt(control, prefix, b.defaultAccount, "may call " + first + " on " + tagged + value, p -> onWorkspace(p, first, value), note);
    }

    /** A value of the protection key that does not protect: the first value with a suffix no configured value has. */
    private String otherValue() {
        String candidate = byTag.values().get(0) + "-not-protected";
        while (byTag.values().contains(candidate)) {
            candidate = candidate + "-x";
        }
        return candidate;
    }

    /** {@code action} on the example workspace carrying {@code key=value} ({@code value} null: not tagged). */
    private Request onWorkspace(String principal, String action, String value) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        if (value != null) {
            context.put(tagKey, List.of(value));
        }
        return new Request(principal, action, arn, context);
    }

    /** TagResource/UntagResource of {@code keys} on the example workspace, tagged {@code key=value} beforehand or not. */
    private Request tagging(String principal, String action, String value, String key) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        if (value != null) {
            context.put(tagKey, List.of(value));
        }
        context.put(AwsFacts.TAG_KEYS_KEY, List.of(key));
        return new Request(principal, action, arn, context);
    }

    private void unlisted(Optional<String> outsider, List<String> excluded, String what, String claim,
                          java.util.function.Function<String, Request> request, Expect expect, String note) {
        b.unlisted(control, prefix + ":unlisted:" + what, outsider, excluded, "byTag allowed principals", claim, request, expect, note);
    }

    private void allowed(int j, String pattern, String what, String claim, java.util.function.Function<String, Request> request,
                         String note) {
        b.listed(control, prefix + ":allowed[" + j + "]:" + what, "allowed principal", pattern, claim, request, note);
    }
}

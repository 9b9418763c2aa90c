package io.claudebaseline.simulate;

import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.config.ControlsConfig;
import io.claudebaseline.config.WorkspaceConfig;
import io.claudebaseline.eval.ArnMatcher;
import io.claudebaseline.eval.Request;
import io.claudebaseline.eval.WildcardMatcher;
import io.claudebaseline.facts.AwsFacts;
import io.claudebaseline.facts.ServiceReference.ActionInfo;
import io.claudebaseline.model.Control;
import io.claudebaseline.simulate.Scenario.Expect;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scenarios every baseline must pass, derived from the config (not from the rendered SCPs, so that a wrong
 * rendering is caught): for each enabled control, requests that must be denied and requests that must not be.
 * See docs/simulation.md for the list.
 */
final class BuiltInScenarios {
    /** Paths used for a shadow user created under an IAM path (anyPath). */
    static final String SHADOW_USER_PATH = "claude/keys/";
    /** Users that are not shadow users, tried in order until one does not match the configured pattern. */
    static final List<String> ORDINARY_USER_NAMES = List.of("alice", "ci-deployer", "svc-reporting", "u");
    /** Principals an unlisted administrator might use, tried in order until one matches no allow/exempt pattern. */
    static final List<String> ADMIN_PRINCIPAL_NAMES = List.of(
            "role/Administrator", "role/OrganizationAccountAccessRole", "user/admin", "role/claude-baseline-simulated-outsider");

    /**
     * Every action of the service that takes a workspace (Service Authorization Reference), qualified: the protect
     * scenarios try each one on each protected workspace, so a template that misses one is caught.
     */
    static final List<ActionInfo> WORKSPACE_ACTIONS = AwsFacts.workspaceActions();
    /** Their qualified names, made once: every protected workspace's scenarios and checks share these strings. */
    private static final List<String> WORKSPACE_ACTIONS_QUALIFIED = WORKSPACE_ACTIONS.stream().map(ActionInfo::qualified).toList();

    final BaselineConfig config;
    final String defaultAccount;
    final List<Scenario> out = new ArrayList<>();

    private BuiltInScenarios(BaselineConfig config) {
        this.config = config;
        this.defaultAccount = defaultAccount(config);
    }

    static List<Scenario> derive(BaselineConfig config) {
        BuiltInScenarios b = new BuiltInScenarios(config);
        ControlsConfig controls = config.controls();
        if (controls.protectWorkspaces().enabled()) {
            for (WorkspaceConfig w : config.workspaces()) {
                b.protectWorkspace(w);
            }
        }
        if (controls.protectWorkspaces().hasByTag()) {
            new TaggedWorkspaceScenarios(b, controls.protectWorkspaces().byTag()).derive();
        }
        if (controls.denyLongTermKeyCreation().isEnabled()) {
            b.keyCreation(controls.denyLongTermKeyCreation());
            b.keyLifecycle(controls.denyLongTermKeyCreation());
            b.keyMaxAge(controls.denyLongTermKeyCreation());
        }
        if (controls.denyShadowUsers().isEnabled()) {
            b.shadowUsers(controls.denyShadowUsers());
        }
        if (controls.denyLongTermKeyUse().enabled()) {
            b.keyUse();
        }
        if (controls.restrictPlatformAdministration().isEnabled()) {
            new PlatformAdministrationScenarios(b, controls.restrictPlatformAdministration()).derive();
        }
        return List.copyOf(b.out);
    }

    // ------------------------------------------------------------------ protect workspaces

    private void protectWorkspace(WorkspaceConfig w) {
        String control = Control.PROTECT_WORKSPACES.id();
        String account = concreteAccount(w.account()) ? w.account() : defaultAccount;
        String region = WorkspaceConfig.ANY.equals(w.region()) ? ExampleValues.EXAMPLE_REGION : w.region();
        String arn = AwsFacts.workspaceArn(config.partition(), region, account, w.id());
        String arnNote = (WorkspaceConfig.ANY.equals(w.region()) || !concreteAccount(w.account()))
                ? "workspace ARN " + arn + " is an example: the config leaves " + openParts(w) + " open" : null;
        String prefix = "scenario:" + control + ":" + w.id();

        List<String> allowed = new ArrayList<>(new LinkedHashSet<>(w.allowedPrincipals()));
        for (int j = 0; j < allowed.size(); j++) {
            mayCallEveryAction(control, prefix + ":allowed[" + j + "]:", "allowed principal ", allowed.get(j), account, arn, w, arnNote);
        }
        List<String> excluded = new ArrayList<>(allowed);
        excluded.addAll(config.exemptPrincipals());
        Optional<String> outsider = outsider(account, excluded);
        if (outsider.isEmpty()) {
            out.add(Scenario.underivable(control, prefix + ":unlisted:*", "an unlisted principal is denied every action on workspace " + w.id(),
                    "every candidate administrator principal matches an allowed or exempt pattern ("
                            + String.join(", ", excluded) + "); the allow-list may be too broad"));
        } else {
            // The descriptions are built when a message is (see Scenario.Describer), from these shared parts.
            String who = "unlisted principal " + outsider.get() + " (an administrator, but not on the allow-list) is denied ";
            String on = " on workspace " + w.id();
            Map<String, List<String>> context = Request.of(outsider.get(), "", arn).context(); // shared by its requests
            for (int a = 0; a < WORKSPACE_ACTIONS.size(); a++) {
                String qualified = WORKSPACE_ACTIONS_QUALIFIED.get(a);
                out.add(new Scenario(control, prefix + ":unlisted:" + WORKSPACE_ACTIONS.get(a).name(), () -> String.join("", who, qualified, on),
                        new Request(outsider.get(), qualified, arn, context), Expect.DENIED, arnNote));
            }
        }
        List<String> exempt = config.exemptPrincipals();
        for (int k = 0; k < exempt.size(); k++) {
            mayCallEveryAction(control, prefix + ":exempt[" + k + "]:", "exempt principal ", exempt.get(k), account, arn, w, arnNote);
        }
    }

    /** One ALLOWED scenario per workspace action for the principal {@code pattern} stands for (check {@code checkPrefix + Action}). */
    private void mayCallEveryAction(String control, String checkPrefix, String role, String pattern, String account, String arn,
                                    WorkspaceConfig w, String arnNote) {
        Optional<String> principal = ExampleValues.principalFor(pattern, account, config.partition());
        if (principal.isEmpty()) {
            out.add(Scenario.underivable(control, checkPrefix + "*", role + pattern + " may call every workspace action",
                    "no concrete principal ARN matches the pattern " + pattern));
            return;
        }
        String note = join(derivedNote(pattern, principal.get()), arnNote);
        // The descriptions are built when a message is (see Scenario.Describer), from these shared parts.
        String who = role + principal.get() + " may call ";
        String on = " on workspace " + w.id();
        Map<String, List<String>> context = Request.of(principal.get(), "", arn).context(); // shared by its requests
        for (int a = 0; a < WORKSPACE_ACTIONS.size(); a++) {
            String qualified = WORKSPACE_ACTIONS_QUALIFIED.get(a);
            out.add(new Scenario(control, checkPrefix + WORKSPACE_ACTIONS.get(a).name(), () -> String.join("", who, qualified, on),
                    new Request(principal.get(), qualified, arn, context), Expect.ALLOWED, note));
        }
    }

    private static String openParts(WorkspaceConfig w) {
        List<String> open = new ArrayList<>();
        if (WorkspaceConfig.ANY.equals(w.region())) {
            open.add("the region");
        }
        if (!concreteAccount(w.account())) {
            open.add("the account");
        }
        return String.join(" and ", open);
    }

    // ------------------------------------------------------------------ long-term keys

    private void keyCreation(ControlsConfig.KeyCreation keyCreation) {
        String control = Control.DENY_LONG_TERM_KEY_CREATION.id();
        String prefix = "scenario:" + control;
        Optional<String> admin = outsider(defaultAccount, config.exemptPrincipals());
        String user = ordinaryUser(config.controls().denyShadowUsers().userNamePattern());
        String userArn = userArn(defaultAccount, "", user);
        String action = AwsFacts.ACTION_CREATE_SERVICE_SPECIFIC_CREDENTIAL;
        if (admin.isEmpty()) {
            out.add(Scenario.underivable(control, prefix + ":claude-service", "creating a long-term Claude API key is denied",
                    noAdminNote()));
        } else {
            out.add(new Scenario(control, prefix + ":claude-service",
                    admin.get() + " is denied creating a long-term Claude API key (" + action + " for " + AwsFacts.SERVICE_NAME + ")",
                    keyRequest(admin.get(), userArn, AwsFacts.SERVICE_NAME), Expect.DENIED, null));
            boolean blanket = keyCreation.scope() == ControlsConfig.KeyCreation.Scope.ALL_SERVICES;
            out.add(new Scenario(control, prefix + ":other-service:" + AwsFacts.CODECOMMIT_SERVICE_NAME,
                    admin.get() + (blanket ? " is denied" : " is not denied") + " creating a " + AwsFacts.CODECOMMIT_SERVICE_NAME
                            + " credential (scope " + (blanket ? "all-services" : "claude-service") + ")",
                    keyRequest(admin.get(), userArn, AwsFacts.CODECOMMIT_SERVICE_NAME), blanket ? Expect.DENIED : Expect.ALLOWED, null));
        }
        exempt(control, prefix, defaultAccount, "may create a long-term Claude API key",
                p -> keyRequest(p, userArn, AwsFacts.SERVICE_NAME), null);
    }

    private static Request keyRequest(String principal, String userArn, String serviceName) {
        return keyRequest(AwsFacts.ACTION_CREATE_SERVICE_SPECIFIC_CREDENTIAL, principal, userArn, serviceName, null);
    }

    /** A service-specific credential call; {@code ageDays} is the new key's CredentialAgeDays (null: never expires). */
    private static Request keyRequest(String action, String principal, String userArn, String serviceName, Integer ageDays) {
        Map<String, List<String>> context = new java.util.LinkedHashMap<>();
        context.put(AwsFacts.SSC_SERVICE_NAME_KEY, List.of(serviceName));
        if (ageDays != null) {
            context.put(AwsFacts.SSC_AGE_DAYS_KEY, List.of(ageDays.toString()));
        }
        return new Request(principal, action, userArn, context);
    }

    /**
     * Reset (a new secret for an existing key) and Update (re-activating a revoked key) are denied like creation,
     * within the same scope: other services' credentials only with all-services.
     */
    private void keyLifecycle(ControlsConfig.KeyCreation keyCreation) {
        String control = Control.DENY_LONG_TERM_KEY_CREATION.id();
        String prefix = "scenario:" + control;
        Optional<String> admin = outsider(defaultAccount, config.exemptPrincipals());
        String userArn = userArn(defaultAccount, "", ExampleValues.userNameFor(config.controls().denyShadowUsers().userNamePattern()));
        boolean blanket = keyCreation.scope() == ControlsConfig.KeyCreation.Scope.ALL_SERVICES;
        for (String action : List.of(AwsFacts.ACTION_RESET_SERVICE_SPECIFIC_CREDENTIAL, AwsFacts.ACTION_UPDATE_SERVICE_SPECIFIC_CREDENTIAL)) {
            String name = action.substring(action.indexOf(':') + 1);
            String what = action.equals(AwsFacts.ACTION_RESET_SERVICE_SPECIFIC_CREDENTIAL)
                    ? "resetting (a new secret for) an existing long-term Claude API key"
                    : "re-activating (updating the status of) an existing long-term Claude API key";
            if (admin.isEmpty()) {
                out.add(Scenario.underivable(control, prefix + ":" + name, what + " is denied", noAdminNote()));
                continue;
            }
            out.add(new Scenario(control, prefix + ":" + name, admin.get() + " is denied " + what + " (" + action + " for "
                    + AwsFacts.SERVICE_NAME + ")", keyRequest(action, admin.get(), userArn, AwsFacts.SERVICE_NAME, null), Expect.DENIED, null));
            out.add(new Scenario(control, prefix + ":" + name + ":other-service:" + AwsFacts.CODECOMMIT_SERVICE_NAME,
                    admin.get() + (blanket ? " is denied " : " is not denied ") + action + " on a " + AwsFacts.CODECOMMIT_SERVICE_NAME
                            + " credential (scope " + (blanket ? "all-services" : "claude-service") + ")",
                    keyRequest(action, admin.get(), userArn, AwsFacts.CODECOMMIT_SERVICE_NAME, null),
                    blanket ? Expect.DENIED : Expect.ALLOWED, null));
        }
        String reset = AwsFacts.ACTION_RESET_SERVICE_SPECIFIC_CREDENTIAL;
        exemptWithSuffix(control, prefix, ":" + reset.substring(reset.indexOf(':') + 1), defaultAccount,
                "may reset a long-term Claude API key", p -> keyRequest(reset, p, userArn, AwsFacts.SERVICE_NAME, null), null);
    }

    /**
     * Keys that expire: without maxAgeDays even a one-day key is denied; with it, a key within the limit is allowed,
     * and a longer one AND one with no expiry at all (the age key then missing from the request) are denied.
     */
    private void keyMaxAge(ControlsConfig.KeyCreation keyCreation) {
        String control = Control.DENY_LONG_TERM_KEY_CREATION.id();
        String prefix = "scenario:" + control + ":max-age";
        Optional<String> admin = outsider(defaultAccount, config.exemptPrincipals());
        if (admin.isEmpty()) {
            out.add(Scenario.underivable(control, prefix, "creating an expiring long-term Claude API key", noAdminNote()));
            return;
        }
        String userArn = userArn(defaultAccount, "", ordinaryUser(config.controls().denyShadowUsers().userNamePattern()));
        String create = AwsFacts.ACTION_CREATE_SERVICE_SPECIFIC_CREDENTIAL;
        Integer max = keyCreation.maxAgeDays();
        if (max == null) {
            out.add(new Scenario(control, prefix + ":expiring-key-without-max-age", admin.get()
                    + " is denied creating a Claude API key that expires in 1 day (no maxAgeDays: every new key is denied)",
                    keyRequest(create, admin.get(), userArn, AwsFacts.SERVICE_NAME, 1), Expect.DENIED, null));
            return;
        }
        out.add(new Scenario(control, prefix + ":within:" + max, admin.get() + " is not denied creating a Claude API key that expires in "
                + max + " days (maxAgeDays " + max + ")", keyRequest(create, admin.get(), userArn, AwsFacts.SERVICE_NAME, max),
                Expect.ALLOWED, null));
        out.add(new Scenario(control, prefix + ":beyond:" + (max + 1), admin.get() + " is denied creating a Claude API key that expires in "
                + (max + 1) + " days (maxAgeDays " + max + ")", keyRequest(create, admin.get(), userArn, AwsFacts.SERVICE_NAME, max + 1),
                Expect.DENIED, max + 1 > AwsFacts.SSC_AGE_DAYS_MAX ? "IAM itself rejects more than " + AwsFacts.SSC_AGE_DAYS_MAX + " days" : null));
        out.add(new Scenario(control, prefix + ":never-expires", admin.get() + " is denied creating a Claude API key with no expiry"
                + " (no CredentialAgeDays, so " + AwsFacts.SSC_AGE_DAYS_KEY + " is missing from the request)",
                keyRequest(create, admin.get(), userArn, AwsFacts.SERVICE_NAME, null), Expect.DENIED, null));
    }

    private void shadowUsers(ControlsConfig.ShadowUsers shadow) {
        String control = Control.DENY_SHADOW_USERS.id();
        String prefix = "scenario:" + control;
        String action = AwsFacts.ACTION_CREATE_USER;
        String shadowName = ExampleValues.userNameFor(shadow.userNamePattern());
        String nameNote = ExampleValues.hasWildcard(shadow.userNamePattern())
                ? "shadow user name " + shadowName + " is an example of the pattern " + shadow.userNamePattern() : null;
        Optional<String> admin = outsider(defaultAccount, config.exemptPrincipals());
        if (admin.isEmpty()) {
            out.add(Scenario.underivable(control, prefix + ":shadow-user", "creating a shadow user is denied", noAdminNote()));
        } else {
            out.add(new Scenario(control, prefix + ":shadow-user",
                    admin.get() + " is denied creating the shadow user " + shadowName,
                    Request.of(admin.get(), action, userArn(defaultAccount, "", shadowName)), Expect.DENIED, nameNote));
            if (shadow.anyPath()) {
                out.add(new Scenario(control, prefix + ":shadow-user-under-path",
                        admin.get() + " is denied creating the shadow user " + shadowName + " under the path /" + SHADOW_USER_PATH,
                        Request.of(admin.get(), action, userArn(defaultAccount, SHADOW_USER_PATH, shadowName)), Expect.DENIED, nameNote));
            }
            String ordinary = ordinaryUser(shadow.userNamePattern());
            if (WildcardMatcher.compile(shadow.userNamePattern()).matches(ordinary)) {
                out.add(Scenario.underivable(control, prefix + ":ordinary-user", "creating an ordinary user is not denied",
                        "the shadow user pattern " + shadow.userNamePattern() + " matches every candidate user name; it is too broad"));
            } else {
                out.add(new Scenario(control, prefix + ":ordinary-user",
                        admin.get() + " is not denied creating the ordinary user " + ordinary,
                        Request.of(admin.get(), action, userArn(defaultAccount, "", ordinary)), Expect.ALLOWED, null));
            }
        }
        exempt(control, prefix, defaultAccount, "may create the shadow user " + shadowName,
                p -> Request.of(p, action, userArn(defaultAccount, "", shadowName)), nameNote);
    }

    private void keyUse() {
        String control = Control.DENY_LONG_TERM_KEY_USE.id();
        String prefix = "scenario:" + control;
        String shadowName = ExampleValues.userNameFor(config.controls().denyShadowUsers().userNamePattern());
        String keyUser = userArn(defaultAccount, "", shadowName);
        String action = AwsFacts.ACTION_CALL_WITH_BEARER_TOKEN;
        if (matchesAny(config.exemptPrincipals(), keyUser)) {
            out.add(Scenario.underivable(control, prefix + ":long-term", "a call with a long-term API key is denied",
                    "the key's user " + keyUser + " matches an exempt principal"));
        } else {
            out.add(new Scenario(control, prefix + ":long-term",
                    "a call with a long-term API key (the key's user " + keyUser + ") is denied " + action,
                    bearerRequest(keyUser, AwsFacts.BEARER_TOKEN_LONG_TERM), Expect.DENIED, null));
        }
        Optional<String> caller = outsider(defaultAccount, config.exemptPrincipals());
        if (caller.isPresent()) {
            out.add(new Scenario(control, prefix + ":short-term",
                    "a call with a short-term API key by " + caller.get() + " is not denied " + action,
                    bearerRequest(caller.get(), AwsFacts.BEARER_TOKEN_SHORT_TERM), Expect.ALLOWED, null));
        } else {
            out.add(Scenario.underivable(control, prefix + ":short-term", "a call with a short-term API key is not denied", noAdminNote()));
        }
        exempt(control, prefix, defaultAccount, "may call " + action + " with a long-term API key",
                p -> bearerRequest(p, AwsFacts.BEARER_TOKEN_LONG_TERM), null);
    }

    private static Request bearerRequest(String principal, String tokenType) {
        return new Request(principal, AwsFacts.ACTION_CALL_WITH_BEARER_TOKEN, "*",
                Map.of(AwsFacts.BEARER_TOKEN_TYPE_KEY, List.of(tokenType)));
    }

    // ------------------------------------------------------------------ shared

    /** One ALLOWED scenario per exempt principal: exempt principals are exempt from every deny. */
    void exempt(String control, String prefix, String account, String what,
                java.util.function.Function<String, Request> request, String extraNote) {
        exemptWithSuffix(control, prefix, "", account, what, request, extraNote);
    }

    /** {@link #exempt}, with checks named {@code <prefix>:exempt[k]<suffix>} (several exempt checks per control). */
    void exemptWithSuffix(String control, String prefix, String suffix, String account, String what,
                          java.util.function.Function<String, Request> request, String extraNote) {
        List<String> exempt = config.exemptPrincipals();
        for (int k = 0; k < exempt.size(); k++) {
            String pattern = exempt.get(k);
            String check = prefix + ":exempt[" + k + "]" + suffix;
            Optional<String> principal = ExampleValues.principalFor(pattern, account, config.partition());
            if (principal.isEmpty()) {
                out.add(Scenario.underivable(control, check, "exempt principal " + pattern + " " + what,
                        "no concrete principal ARN matches the pattern " + pattern));
                continue;
            }
            out.add(new Scenario(control, check, "exempt principal " + principal.get() + " " + what,
                    request.apply(principal.get()), Expect.ALLOWED, join(derivedNote(pattern, principal.get()), extraNote)));
        }
    }

    /**
     * A scenario for the unlisted administrator ({@code outsider}), or an underivable one when every candidate
     * matches {@code excluded} (the {@code listName} allow-list or the exempt principals).
     */
    void unlisted(String control, String check, Optional<String> outsider, List<String> excluded, String listName, String claim,
                  java.util.function.Function<String, Request> request, Expect expect, String note) {
        if (outsider.isEmpty()) {
            out.add(Scenario.underivable(control, check, "an unlisted principal " + claim, "every candidate administrator principal"
                    + " matches a " + listName + " or exempt pattern (" + String.join(", ", excluded) + "); the list may be too broad"));
            return;
        }
        out.add(new Scenario(control, check, "unlisted principal " + outsider.get() + " (an administrator, but not on the " + listName
                + " list) " + claim, request.apply(outsider.get()), expect, note));
    }

    /** An ALLOWED scenario for a concrete principal matching {@code pattern} of a list ({@code who}: "platform admin"). */
    void listed(String control, String check, String who, String pattern, String claim,
                java.util.function.Function<String, Request> request, String note) {
        Optional<String> principal = ExampleValues.principalFor(pattern, defaultAccount, config.partition());
        if (principal.isEmpty()) {
            out.add(Scenario.underivable(control, check, who + " " + pattern + " " + claim,
                    "no concrete principal ARN matches the pattern " + pattern));
            return;
        }
        out.add(new Scenario(control, check, who + " " + principal.get() + " " + claim, request.apply(principal.get()),
                Expect.ALLOWED, join(derivedNote(pattern, principal.get()), note)));
    }

    /** An administrator-like principal in {@code account} that matches none of {@code excluded}. */
    Optional<String> outsider(String account, List<String> excluded) {
        List<String> candidates = ADMIN_PRINCIPAL_NAMES.stream()
                .map(n -> "arn:" + config.partition() + ":iam::" + account + ":" + n).toList();
        return ExampleValues.firstOf(candidates, c -> !matchesAny(excluded, c));
    }

    static boolean matchesAny(List<String> patterns, String principal) {
        return patterns.stream().anyMatch(p -> ArnMatcher.arnLike(p, principal));
    }

    private static String ordinaryUser(String shadowPattern) {
        WildcardMatcher shadow = WildcardMatcher.compile(shadowPattern);
        return ORDINARY_USER_NAMES.stream().filter(n -> !shadow.matches(n)).findFirst()
                .orElse(ORDINARY_USER_NAMES.get(0));
    }

    private String userArn(String account, String path, String name) {
        return "arn:" + config.partition() + ":iam::" + account + ":user/" + path + name;
    }

    String noAdminNote() {
        return "every candidate administrator principal in account " + defaultAccount + " matches an exempt pattern ("
                + String.join(", ", config.exemptPrincipals()) + "); the exemption may be too broad";
    }

    static String derivedNote(String pattern, String principal) {
        return pattern.equals(principal) ? null : "example principal " + principal + " derived from the pattern " + pattern;
    }

    static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "; " + b;
    }

    static String qualified(String action) {
        return AwsFacts.SERVICE_PREFIX + ":" + action;
    }

    static boolean concreteAccount(String account) {
        return account != null && account.matches("\\d{12}");
    }

    /** First concrete workspace account, else first account target, else the documentation example account. */
    static String defaultAccount(BaselineConfig config) {
        return config.workspaces().stream().map(WorkspaceConfig::account).filter(BuiltInScenarios::concreteAccount).findFirst()
                .or(() -> config.targets().stream().filter(BuiltInScenarios::concreteAccount).findFirst())
                .orElse(ExampleValues.EXAMPLE_ACCOUNT);
    }
}

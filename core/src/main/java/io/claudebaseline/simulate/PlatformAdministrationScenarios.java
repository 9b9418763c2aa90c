package io.claudebaseline.simulate;

import io.claudebaseline.config.ControlsConfig;
import io.claudebaseline.eval.Request;
import io.claudebaseline.facts.AwsFacts;
import io.claudebaseline.model.Control;
import io.claudebaseline.simulate.Scenario.Expect;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Built-in scenarios of {@code restrictPlatformAdministration}: every account-level administration action is denied
 * to an unlisted administrator and not denied to each platform admin; console sign-in is denied with the admin
 * capability only, so developers keep the console.
 */
final class PlatformAdministrationScenarios {
    private final BuiltInScenarios b;
    private final ControlsConfig.PlatformAdministration admin;
    private final String control = Control.RESTRICT_PLATFORM_ADMINISTRATION.id();
    private final String prefix = "scenario:" + Control.RESTRICT_PLATFORM_ADMINISTRATION.id();

    PlatformAdministrationScenarios(BuiltInScenarios b, ControlsConfig.PlatformAdministration admin) {
        this.b = b;
        this.admin = admin;
    }

    void derive() {
        List<String> excluded = new ArrayList<>(admin.platformAdmins());
        excluded.addAll(b.config.exemptPrincipals());
        Optional<String> outsider = b.outsider(b.defaultAccount, excluded);
        List<String> admins = new ArrayList<>(new LinkedHashSet<>(admin.platformAdmins()));
        for (String action : AwsFacts.PLATFORM_ADMIN_ACTIONS) {
            String qualified = BuiltInScenarios.qualified(action);
            unlisted(outsider, excluded, action, "is denied " + qualified, p -> Request.of(p, qualified, "*"), Expect.DENIED);
            for (int j = 0; j < admins.size(); j++) {
                platformAdmin(j, admins.get(j), action, "may call " + qualified, p -> Request.of(p, qualified, "*"));
            }
        }
        String console = AwsFacts.ACTION_ASSUME_CONSOLE;
        String name = "AssumeConsole";
        unlisted(outsider, excluded, name + ":" + AwsFacts.CONSOLE_CAPABILITY_ADMIN, "is denied " + console + " with capability "
                + AwsFacts.CONSOLE_CAPABILITY_ADMIN, p -> console(p, AwsFacts.CONSOLE_CAPABILITY_ADMIN), Expect.DENIED);
        unlisted(outsider, excluded, name + ":" + AwsFacts.CONSOLE_CAPABILITY_DEVELOPER, "is not denied " + console + " with capability "
                + AwsFacts.CONSOLE_CAPABILITY_DEVELOPER + " (developers keep the console)",
                p -> console(p, AwsFacts.CONSOLE_CAPABILITY_DEVELOPER), Expect.ALLOWED);
        for (int j = 0; j < admins.size(); j++) {
            platformAdmin(j, admins.get(j), name + ":" + AwsFacts.CONSOLE_CAPABILITY_ADMIN, "may call " + console + " with capability "
                    + AwsFacts.CONSOLE_CAPABILITY_ADMIN, p -> console(p, AwsFacts.CONSOLE_CAPABILITY_ADMIN));
        }
        String first = BuiltInScenarios.qualified(AwsFacts.PLATFORM_ADMIN_ACTIONS.get(0));
        b.exempt(control, prefix, b.defaultAccount, "may call " + first, p -> Request.of(p, first, "*"), null);
    }

    private void unlisted(Optional<String> outsider, List<String> excluded, String what, String claim,
                          java.util.function.Function<String, Request> request, Expect expect) {
        b.unlisted(control, prefix + ":unlisted:" + what, outsider, excluded, "platform admins", claim, request, expect, null);
    }

    private void platformAdmin(int j, String pattern, String what, String claim, java.util.function.Function<String, Request> request) {
        b.listed(control, prefix + ":platform-admin[" + j + "]:" + what, "platform admin", pattern, claim, request, null);
    }

    private static Request console(String principal, String capability) {
        return new Request(principal, AwsFacts.ACTION_ASSUME_CONSOLE, "*", Map.of(AwsFacts.CONSOLE_CAPABILITY_KEY, List.of(capability)));
    }
}

package io.claudebaseline.config;

import static io.claudebaseline.config.ConfigValidatorTest.VALID;
import static io.claudebaseline.config.ConfigValidatorTest.error;
import static io.claudebaseline.config.ConfigValidatorTest.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The config rules of maxAgeDays, restrictPlatformAdministration and protectWorkspaces.byTag (issue 11). */
class ClosedHolesConfigTest {

    static String with(String controlLine) {
        return VALID.replace("controls:\n", "controls:\n" + controlLine);
    }

    // ---- denyLongTermKeyCreation.maxAgeDays

    @Test
    void maxAgeDaysMustBeOneToThirtySixThousandSixHundred() throws Exception {
        assertThat(validate(with("  denyLongTermKeyCreation: {maxAgeDays: 1}\n"))).isEmpty();
        assertThat(validate(with("  denyLongTermKeyCreation: {maxAgeDays: 36600}\n"))).isEmpty();
        for (String bad : new String[] {"0", "-5", "36601"}) {
            Problem p = error(with("  denyLongTermKeyCreation: {maxAgeDays: " + bad + "}\n"));
            assertThat(p.path()).isEqualTo("controls.denyLongTermKeyCreation.maxAgeDays");
            assertThat(p.message()).contains(bad, "1-36600");
        }
        assertThat(ConfigLoader.parse(with("  denyLongTermKeyCreation: {maxAgeDays: 30}\n"), false, "t.yaml")
                .controls().denyLongTermKeyCreation().maxAgeDays()).isEqualTo(30);
    }

    @Test
    void maxAgeDaysWithAFractionIsAWrongTypeNotRounded() {
        assertThatThrownBy(() -> validate(with("  denyLongTermKeyCreation: {maxAgeDays: 7.5}\n")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).anyMatch(p ->
                        p.path().equals("controls.denyLongTermKeyCreation.maxAgeDays")));
    }

    // ---- restrictPlatformAdministration

    @Test
    void platformAdministrationIsOffUnlessConfiguredAndOnWithAdmins() throws Exception {
        assertThat(ConfigLoader.parse(VALID, false, "t.yaml").controls().restrictPlatformAdministration().isEnabled()).isFalse();
        String on = with("  restrictPlatformAdministration: {platformAdmins: [arn:aws:iam::111122223333:role/claude-platform-admin]}\n");
        assertThat(validate(on)).isEmpty();
        assertThat(ConfigLoader.parse(on, false, "t.yaml").controls().restrictPlatformAdministration().isEnabled()).isTrue();
        assertThat(ConfigLoader.parse(on.replace("{platformAdmins", "{enabled: false, platformAdmins"), false, "t.yaml")
                .controls().restrictPlatformAdministration().isEnabled()).isFalse();
    }

    @Test
    void platformAdministrationWithoutAdminsIsAnErrorBecauseItWouldLockEveryoneOut() throws Exception {
        for (String line : new String[] {"  restrictPlatformAdministration: true\n", "  restrictPlatformAdministration: {platformAdmins: []}\n"}) {
            Problem p = error(with(line));
            assertThat(p.path()).isEqualTo("controls.restrictPlatformAdministration.platformAdmins");
            assertThat(p.message()).contains("lock everyone");
        }
    }

    @Test
    void platformAdminsFollowThePrincipalRules() throws Exception {
        Problem p = error(with("  restrictPlatformAdministration: {platformAdmins: [arn:aws:sts::111122223333:assumed-role/Admin/s]}\n"));
        assertThat(p.path()).isEqualTo("controls.restrictPlatformAdministration.platformAdmins[0]");
        assertThat(p.message()).contains("arn:aws:iam::111122223333:role/Admin");
    }

    // ---- protectWorkspaces.byTag

    static final String BY_TAG = "  protectWorkspaces: {byTag: {key: criticality, values: [critical], allowedPrincipals: "
            + "[arn:aws:iam::111122223333:role/claude-critical-*]}}\n";

    @Test
    void byTagIsValidAndLetsTheWorkspaceListBeEmpty() throws Exception {
        assertThat(validate(with(BY_TAG))).isEmpty();
        String noWorkspaces = with(BY_TAG).replaceAll("(?s)workspaces:\n.*?exemptPrincipals", "exemptPrincipals");
        assertThat(validate(noWorkspaces)).isEmpty();
        Problem p = error(VALID.replaceAll("(?s)workspaces:\n.*?exemptPrincipals", "exemptPrincipals"));
        assertThat(p.path()).isEqualTo("workspaces");
        assertThat(p.message()).contains("byTag");
    }

    @Test
    void byTagNeedsAKeyValuesAndAllowedPrincipals() throws Exception {
        assertThat(error(with(BY_TAG.replace("key: criticality, ", ""))).path()).isEqualTo("controls.protectWorkspaces.byTag.key");
        assertThat(error(with(BY_TAG.replace("values: [critical]", "values: []"))).path())
                .isEqualTo("controls.protectWorkspaces.byTag.values");
        Problem none = error(with(BY_TAG.replace("[arn:aws:iam::111122223333:role/claude-critical-*]", "[]")));
        assertThat(none.path()).isEqualTo("controls.protectWorkspaces.byTag.allowedPrincipals");
        assertThat(none.message()).contains("lock every principal out");
    }

    @Test
    void byTagKeyMustBeASettableTagKey() throws Exception {
        Problem reserved = error(with(BY_TAG.replace("key: criticality", "key: \"aws:criticality\"")));
        assertThat(reserved.path()).isEqualTo("controls.protectWorkspaces.byTag.key");
        assertThat(reserved.message()).contains("reserved");
        Problem wildcard = error(with(BY_TAG.replace("key: criticality", "key: \"critical*\"")));
        assertThat(wildcard.message()).contains("wildcards");
        Problem value = error(with(BY_TAG.replace("values: [critical]", "values: [\"crit\\\"ical\"]")));
        assertThat(value.path()).isEqualTo("controls.protectWorkspaces.byTag.values[0]");
    }

    @Test
    void byTagPrincipalsFollowThePrincipalRules() throws Exception {
        Problem p = error(with(BY_TAG.replace("arn:aws:iam::111122223333:role/claude-critical-*", "\"*\"")));
        assertThat(p.path()).isEqualTo("controls.protectWorkspaces.byTag.allowedPrincipals[0]");
    }

    @Test
    void byTagIsIgnoredWhenTheControlIsOff() throws Exception {
        assertThat(validate(with("  protectWorkspaces: {enabled: false, byTag: {key: \"\"}}\n"))).noneMatch(Problem::isError);
    }
}

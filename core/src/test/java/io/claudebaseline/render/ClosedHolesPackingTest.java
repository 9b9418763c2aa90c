package io.claudebaseline.render;

import static io.claudebaseline.render.BaselineBuilderTest.BASE;
import static io.claudebaseline.render.BaselineBuilderTest.build;
import static io.claudebaseline.render.BaselineBuilderTest.statements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claudebaseline.config.ConfigException;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.model.Control;
import io.claudebaseline.model.PolicyStatement;
import io.claudebaseline.model.ScpDocument;
import org.junit.jupiter.api.Test;

/** The new statements count in packing and the size limit, and their oversize errors point at their own fields. */
class ClosedHolesPackingTest {

    static final String ALL = BASE + """
            controls:
              protectWorkspaces: {byTag: {key: criticality, values: [critical], allowedPrincipals: [arn:aws:iam::111122223333:role/t]}}
              denyLongTermKeyCreation: {maxAgeDays: 30}
              restrictPlatformAdministration: {platformAdmins: [arn:aws:iam::111122223333:role/admin]}
            """;

    static String many(String prefix, int n) {
        StringBuilder sb = new StringBuilder("arn:aws:iam::111122223333:role/" + prefix + "0");
        for (int i = 1; i < n; i++) sb.append(", arn:aws:iam::111122223333:role/").append(prefix).append("-long-role-name-").append(i);
        return sb.toString();
    }

    @Test
    void theNewStatementsArePackedAndEveryScpStaysUnderTheLimit() throws Exception {
        Baseline combined = build(ALL + "limits: {scpMaxCharacters: 1200}\n");
        assertThat(statements(combined)).extracting(PolicyStatement::sid).contains("DenyUnauthorizedAccessByWorkspaceTag",
                "DenyChangingWorkspaceProtectionTag", "DenyPlatformAdministration", "DenyAdminConsole");
        assertThat(combined.scps()).hasSizeGreaterThan(1).allSatisfy(s -> assertThat(s.content().length()).isLessThanOrEqualTo(1200));
        Baseline perControl = build(ALL + "layout: per-control\n");
        assertThat(perControl.scps()).extracting(ScpDocument::name).contains("claude-baseline-platform-administration");
        assertThat(perControl.scps()).filteredOn(s -> s.name().equals("claude-baseline-platform-administration")).singleElement()
                .satisfies(s -> assertThat(s.controls()).containsExactly(Control.RESTRICT_PLATFORM_ADMINISTRATION));
    }

    @Test
    void oversizeByTagOrPlatformAdminListsNameTheirFields() {
        String byTag = ALL.replace("allowedPrincipals: [arn:aws:iam::111122223333:role/t]", "allowedPrincipals: [" + many("t", 300) + "]");
        assertThatThrownBy(() -> build(byTag)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("controls.protectWorkspaces.byTag.allowedPrincipals").hasMessageContaining("even alone");
        String admins = ALL.replace("platformAdmins: [arn:aws:iam::111122223333:role/admin]", "platformAdmins: [" + many("a", 300) + "]");
        assertThatThrownBy(() -> build(admins)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("controls.restrictPlatformAdministration.platformAdmins")
                .hasMessageContaining("cover several platformAdmins");
    }
}

package io.claudebaseline.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigLocatorTest {
    static final String YAML = String.join("\n",
            "version: 1",                                   // 1
            "# a comment",                                  // 2
            "targets:",                                     // 3
            "  - ou-ab12-11111111",                         // 4
            "  - \"444455556666\"",                         // 5
            "workspaces:",                                  // 6
            "  - id: wrkspc_a",                             // 7
            "    allowedPrincipals:",                       // 8
            "      - arn:aws:iam::111122223333:role/a",     // 9
            "  - id: wrkspc_b",                             // 10
            "    allowedPrincipals: [x, \"y\"]",            // 11
            "controls:",                                    // 12
            "  denyShadowUsers:",                           // 13
            "    userNamePattern: AeaApiKey-*",             // 14
            "");

    @Test
    void yamlPathsResolveToTheLineAndColumnWhereTheyAreWritten() {
        ConfigLocator l = ConfigLocator.of(YAML, false);

        assertThat(l.locate("version")).isEqualTo(new ConfigLocator.Position(1, 1));
        assertThat(l.locate("targets[1]")).isEqualTo(new ConfigLocator.Position(5, 5));
        assertThat(l.locate("workspaces[0].allowedPrincipals[0]")).isEqualTo(new ConfigLocator.Position(9, 9));
        assertThat(l.locate("workspaces[1].id")).isEqualTo(new ConfigLocator.Position(10, 5));
        assertThat(l.locate("workspaces[1].allowedPrincipals[1]").line()).isEqualTo(11);
        assertThat(l.locate("controls.denyShadowUsers.userNamePattern")).isEqualTo(new ConfigLocator.Position(14, 5));
    }

    @Test
    void aPathTheFileDoesNotWriteResolvesToItsNearestParentThenLineOne() {
        ConfigLocator l = ConfigLocator.of(YAML, false);

        assertThat(l.contains("workspaces[1].region")).isFalse();
        assertThat(l.locate("workspaces[1].region")).isEqualTo(new ConfigLocator.Position(10, 5));
        assertThat(l.locate("controls.cloudTrailDataEvents.trailName")).isEqualTo(new ConfigLocator.Position(12, 1));
        assertThat(l.locate("")).isEqualTo(ConfigLocator.Position.START);
        assertThat(l.locate("nothing.here[3]")).isEqualTo(ConfigLocator.Position.START);
    }

    @Test
    void jsonAndBrokenFilesWork() {
        ConfigLocator json = ConfigLocator.of("{\n  \"version\": 1,\n  \"workspaces\": [\n    {\"id\": \"w\"},\n    {\"id\": \"v\"}\n  ]\n}\n", true);
        assertThat(json.locate("workspaces[1].id")).isEqualTo(new ConfigLocator.Position(5, 6));
        assertThat(json.locate("workspaces[1]")).isEqualTo(new ConfigLocator.Position(5, 5));

        ConfigLocator broken = ConfigLocator.of("version: 1\ntargets: [a,\n  : :\n", false);
        assertThat(broken.locate("version")).isEqualTo(new ConfigLocator.Position(1, 1));
        assertThat(broken.locate("targets[0]").line()).isEqualTo(2);
    }
}

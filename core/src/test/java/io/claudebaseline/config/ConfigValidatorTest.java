package io.claudebaseline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per validation rule: each names the field path and says how to fix it. */
class ConfigValidatorTest {

    static final String VALID = """
            version: 1
            targets: [r-ab12, ou-ab12-11111111, "111122223333"]
            workspaces:
              - id: wrkspc_01AbCdEf23GhIj
                region: us-east-1
                account: "111122223333"
                allowedPrincipals: [arn:aws:iam::111122223333:role/claude-prod-deployer]
            exemptPrincipals: [arn:aws:iam::*:role/BreakGlassAdmin]
            controls:
              cloudTrailDataEvents: {enabled: true, trailName: org-trail, homeRegion: us-east-1}
            tags: {owner: platform-security}
            """;

    static List<Problem> validate(String yaml) throws ConfigException {
        return ConfigValidator.validate(ConfigLoader.parse(yaml, false, "test.yaml"));
    }

    static Problem only(String yaml, Problem.Severity severity) throws ConfigException {
        List<Problem> problems = validate(yaml).stream().filter(p -> p.severity() == severity).toList();
        assertThat(problems).as("exactly one %s", severity).hasSize(1);
        return problems.get(0);
    }

    static Problem error(String yaml) throws ConfigException {
        return only(yaml, Problem.Severity.ERROR);
    }

    static Problem warning(String yaml) throws ConfigException {
        assertThat(validate(yaml)).filteredOn(Problem::isError).isEmpty();
        return only(yaml, Problem.Severity.WARNING);
    }

    static String replace(String from, String to) {
        assertThat(VALID).contains(from);
        return VALID.replace(from, to);
    }

    @Test
    void theBaseConfigIsValid() throws Exception {
        assertThat(validate(VALID)).isEmpty();
    }

    // ---- binding errors mapped by ConfigLoader ----

    @Test
    void unknownFieldNamesItsPathAndTheKnownFields() {
        assertThatThrownBy(() -> validate(VALID.replace("    region: us-east-1", "    regoin: us-east-1")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> {
                    Problem p = ((ConfigException) e).problems().get(0);
                    assertThat(p.path()).isEqualTo("workspaces[0].regoin");
                    assertThat(p.message()).contains("unknown field 'regoin'").contains("region");
                });
    }

    @Test
    void wrongTypeAndBadEnumValueAreBindingErrors() {
        assertThatThrownBy(() -> validate(VALID + "layout: stacked\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("layout").hasMessageContaining("combined, per-control");
        assertThatThrownBy(() -> validate(replace("targets: [r-ab12, ou-ab12-11111111, \"111122223333\"]", "targets: r-ab12")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("targets").hasMessageContaining("a list");
    }

    @Test
    void missingVersion() throws Exception {
        Problem p = error(replace("version: 1\n", ""));
        assertThat(p.path()).isEqualTo("version");
        assertThat(p.message()).contains("version: 1");
    }

    @Test
    void unknownVersion() throws Exception {
        assertThat(error(replace("version: 1", "version: 2")).path()).isEqualTo("version");
    }

    @Test
    void missingWorkspaceId() throws Exception {
        Problem p = error(replace("  - id: wrkspc_01AbCdEf23GhIj\n    region", "  - region"));
        assertThat(p.path()).isEqualTo("workspaces[0].id");
        assertThat(p.message()).contains("missing");
    }

    // ---- identifiers ----

    @Test
    void malformedWorkspaceId() throws Exception {
        Problem p = error(replace("id: wrkspc_01AbCdEf23GhIj", "id: workspace-1"));
        assertThat(p.path()).isEqualTo("workspaces[0].id");
        assertThat(p.message()).contains("wrkspc_");
    }

    @Test
    void workspaceArnInsteadOfId() throws Exception {
        Problem p = error(replace("id: wrkspc_01AbCdEf23GhIj",
                "id: \"arn:aws:aws-external-anthropic:us-east-1:111122223333:workspace/wrkspc_01AbCdEf23GhIj\""));
        assertThat(p.message()).contains("not the ARN");
    }

    @Test
    void controlCharacterInWorkspaceId() throws Exception {
        Problem p = error(replace("id: wrkspc_01AbCdEf23GhIj", "id: \"wrkspc_01AbCd\\u0000Ef\""));
        assertThat(p.path()).isEqualTo("workspaces[0].id");
        assertThat(p.message()).contains("control characters");
    }

    @Test
    void duplicateWorkspaceIds() throws Exception {
        String yaml = replace("exemptPrincipals:", "  - id: wrkspc_01AbCdEf23GhIj\n    region: eu-west-1\n    account: \"111122223333\"\n"
                + "    allowedPrincipals: [arn:aws:iam::111122223333:role/other]\nexemptPrincipals:");
        List<Problem> errors = validate(yaml).stream().filter(Problem::isError).toList();
        assertThat(errors).extracting(Problem::path).contains("workspaces[1].id");
        assertThat(errors).extracting(Problem::message).anyMatch(m -> m.contains("already listed at workspaces[0]"));
    }

    @Test
    void malformedRegion() throws Exception {
        assertThat(error(replace("region: us-east-1\n    account", "region: US East\n    account")).path()).isEqualTo("workspaces[0].region");
    }

    @Test
    void accountIdNotTwelveDigits() throws Exception {
        Problem p = error(replace("account: \"111122223333\"", "account: \"11112222333\""));
        assertThat(p.path()).isEqualTo("workspaces[0].account");
        assertThat(p.message()).contains("12-digit");
    }

    @Test
    void badTargetIds() throws Exception {
        for (String bad : List.of("r-AB12", "ou-ab12-1111", "12345", "p-FullAWSAccess", "arn:aws:organizations::111122223333:root/o-x/r-ab12")) {
            Problem p = error(replace("targets: [r-ab12, ou-ab12-11111111, \"111122223333\"]", "targets: [\"" + bad + "\"]"));
            assertThat(p.path()).as(bad).isEqualTo("targets[0]");
            assertThat(p.message()).contains("root id").contains("OU id");
        }
    }

    @Test
    void duplicateTarget() throws Exception {
        assertThat(error(replace("targets: [r-ab12,", "targets: [r-ab12, r-ab12,")).path()).isEqualTo("targets[1]");
    }

    @Test
    void noTargetsWhileScpControlsAreOn() throws Exception {
        Problem p = error(replace("targets: [r-ab12, ou-ab12-11111111, \"111122223333\"]", "targets: []"));
        assertThat(p.path()).isEqualTo("targets");
        assertThat(p.message()).contains("attach nowhere");
    }

    @Test
    void noTargetsIsFineWhenOnlyCloudTrailIsOn() throws Exception {
        String yaml = """
                version: 1
                controls:
                  protectWorkspaces: false
                  denyLongTermKeyCreation: false
                  denyShadowUsers: false
                  denyLongTermKeyUse: false
                  cloudTrailDataEvents: {trailName: org-trail, homeRegion: us-east-1}
                """;
        assertThat(validate(yaml)).noneMatch(Problem::isError);
    }

    // ---- a baseline that protects nothing ----

    static final String NOTHING_ON = """
            version: 1
            targets: [r-ab12]
            controls:
              protectWorkspaces: false
              denyLongTermKeyCreation: false
              denyShadowUsers: false
              denyLongTermKeyUse: {enabled: false}
            """;

    @Test
    void aConfigThatEnablesNoControlIsAnErrorThatNamesTheWayOut() throws Exception {
        assertThat(validate(NOTHING_ON)).filteredOn(Problem::isError).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("controls");
            assertThat(p.message()).contains("no control is enabled").contains("protects nothing").contains("allowEmptyBaseline: true");
        });
    }

    @Test
    void allowEmptyBaselineAcceptsItDeliberatelyStillWarningForEachGuideControl() throws Exception {
        List<Problem> problems = validate(NOTHING_ON + "allowEmptyBaseline: true\n");
        assertThat(problems).noneMatch(Problem::isError);
        assertThat(problems).extracting(Problem::path).containsExactly("controls.protectWorkspaces", "controls.denyLongTermKeyCreation",
                "controls.denyShadowUsers", "controls.denyLongTermKeyUse");
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).contains("off").contains("hardening guide"));
    }

    @Test
    void eachGuideControlThatIsOffGetsAWarning() throws Exception {
        Problem p = warning(VALID.replace("controls:\n", "controls:\n  denyShadowUsers: {enabled: false}\n"));
        assertThat(p.path()).isEqualTo("controls.denyShadowUsers");
        assertThat(p.message()).contains("off").contains("docs/controls.md");
        assertThat(validate(VALID)).isEmpty();
    }

    @Test
    void allowEmptyBaselineMustBeABoolean() {
        assertThatThrownBy(() -> validate(NOTHING_ON + "allowEmptyBaseline: \"yes\"\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("allowEmptyBaseline");
    }

    // ---- principals ----

    @Test
    void assumedRoleSessionArnSaysToUseTheRoleArn() throws Exception {
        Problem p = error(replace("allowedPrincipals: [arn:aws:iam::111122223333:role/claude-prod-deployer]",
                "allowedPrincipals: [arn:aws:sts::111122223333:assumed-role/claude-prod-deployer/session-1]"));
        assertThat(p.path()).isEqualTo("workspaces[0].allowedPrincipals[0]");
        assertThat(p.message()).contains("arn:aws:iam::111122223333:role/claude-prod-deployer").contains("aws:PrincipalArn");
    }

    @Test
    void nonIamArnsAreRejected() throws Exception {
        for (String bad : List.of("arn:aws:s3:::bucket", "arn:aws:iam::111122223333:group/admins", "claude-prod-deployer",
                "arn:aws:iam::111122223333:root", "arn:aws:iam::1111:role/x", "arn:aws:iam::111122223333:role/bad name")) {
            Problem p = error(replace("allowedPrincipals: [arn:aws:iam::111122223333:role/claude-prod-deployer]",
                    "allowedPrincipals: [\"" + bad + "\"]"));
            assertThat(p.path()).as(bad).isEqualTo("workspaces[0].allowedPrincipals[0]");
        }
    }

    @Test
    void exemptPrincipalsAreCheckedToo() throws Exception {
        Problem p = error(replace("exemptPrincipals: [arn:aws:iam::*:role/BreakGlassAdmin]", "exemptPrincipals: [\"arn:aws:iam::*:role/Break\\nGlass\"]"));
        assertThat(p.path()).isEqualTo("exemptPrincipals[0]");
        assertThat(p.message()).contains("control characters");
    }

    @Test
    void partitionMismatch() throws Exception {
        Problem p = error(replace("role/claude-prod-deployer]", "role/claude-prod-deployer, \"arn:aws-cn:iam::111122223333:role/x\"]"));
        assertThat(p.path()).isEqualTo("workspaces[0].allowedPrincipals[1]");
        assertThat(p.message()).contains("partition");
    }

    @Test
    void emptyAllowListLocksEveryoneOut() throws Exception {
        Problem p = error(replace("allowedPrincipals: [arn:aws:iam::111122223333:role/claude-prod-deployer]", "allowedPrincipals: []"));
        assertThat(p.path()).isEqualTo("workspaces[0].allowedPrincipals");
        assertThat(p.message()).contains("lock");
    }

    @Test
    void starAloneIsAnError() throws Exception {
        assertThat(error(replace("exemptPrincipals: [arn:aws:iam::*:role/BreakGlassAdmin]", "exemptPrincipals: [\"*\"]")).message())
                .contains("every principal");
    }

    @Test
    void wildcardsThatAllowWholeAccountsWarn() throws Exception {
        for (String wide : List.of("arn:aws:iam::*:role/*", "arn:aws:iam::111122223333:*", "arn:aws:iam::111122223333:user/*")) {
            Problem p = warning(replace("allowedPrincipals: [arn:aws:iam::111122223333:role/claude-prod-deployer]",
                    "allowedPrincipals: [\"" + wide + "\"]"));
            assertThat(p.path()).as(wide).isEqualTo("workspaces[0].allowedPrincipals[0]");
            assertThat(p.message()).contains("every");
        }
        // Wildcards inside a name are the normal way to name a family of roles.
        assertThat(validate(replace("role/claude-prod-deployer]", "role/claude-prod-*]"))).isEmpty();
    }

    @Test
    void workspaceWithoutRegionOrAccountWarns() throws Exception {
        Problem p = warning(replace("    region: us-east-1\n    account: \"111122223333\"\n", ""));
        assertThat(p.path()).isEqualTo("workspaces[0]");
        assertThat(p.message()).contains("any region and account");
        Problem regionOnly = warning(replace("    region: us-east-1\n", ""));
        assertThat(regionOnly.message()).contains("no region:", "in any region;", "set region to pin");
    }

    @Test
    void listedWorkspacesNeedRegionAndAccount() throws Exception {
        String yaml = replace("    region: us-east-1\n", "")
                .replace("homeRegion: us-east-1}", "homeRegion: us-east-1, scope: listed-workspaces}");
        Problem p = error(yaml);
        assertThat(p.path()).isEqualTo("workspaces[0]");
        assertThat(p.message()).contains("set region").contains("all-workspaces");
    }

    @Test
    void noWorkspacesWhileProtectIsOn() throws Exception {
        String yaml = """
                version: 1
                targets: [r-ab12]
                """;
        Problem p = error(yaml);
        assertThat(p.path()).isEqualTo("workspaces");
        assertThat(p.message()).contains("protectWorkspaces: false");
    }

    // ---- names, tags, controls, limits ----

    @Test
    void policyNamePrefixCharacters() throws Exception {
        Problem p = error(VALID + "policyNamePrefix: \"claude baseline\"\n");
        assertThat(p.path()).isEqualTo("policyNamePrefix");
        assertThat(p.message()).contains("+ = , . @ _ -");
    }

    @Test
    void policyNamePrefixLength() throws Exception {
        assertThat(error(VALID + "policyNamePrefix: \"" + "a".repeat(ConfigValidator.PREFIX_MAX_LENGTH + 1) + "\"\n").message())
                .contains("1-" + ConfigValidator.PREFIX_MAX_LENGTH);
        assertThat(validate(VALID + "policyNamePrefix: \"" + "a".repeat(ConfigValidator.PREFIX_MAX_LENGTH) + "\"\n")).isEmpty();
    }

    @Test
    void reservedTagPrefix() throws Exception {
        Problem p = error(replace("tags: {owner: platform-security}", "tags: {\"aws:owner\": x}"));
        assertThat(p.path()).isEqualTo("tags.aws:owner");
        assertThat(p.message()).contains("reserved");
    }

    @Test
    void ownershipTagIsTheTools() throws Exception {
        assertThat(error(replace("tags: {owner: platform-security}", "tags: {managed-by: me}")).message()).contains("ownership tag");
    }

    @Test
    void tagLengths() throws Exception {
        assertThat(error(replace("tags: {owner: platform-security}", "tags: {" + "k".repeat(129) + ": v}")).message()).contains("1-128");
        assertThat(error(replace("tags: {owner: platform-security}", "tags: {k: " + "v".repeat(257) + "}")).message()).contains("256");
    }

    @Test
    void tagCharactersAwsRejects() throws Exception {
        Problem p = error(replace("tags: {owner: platform-security}", "tags: {owner: \"say \\\"hi\\\"\"}"));
        assertThat(p.path()).isEqualTo("tags.owner");
        assertThat(p.message()).contains("characters AWS does not accept");
    }

    @Test
    void cloudTrailNeedsTrailNameAndHomeRegion() throws Exception {
        List<Problem> errors = validate(replace("{enabled: true, trailName: org-trail, homeRegion: us-east-1}", "true"))
                .stream().filter(Problem::isError).toList();
        assertThat(errors).extracting(Problem::path).containsExactlyInAnyOrder(
                "controls.cloudTrailDataEvents.trailName", "controls.cloudTrailDataEvents.homeRegion");
    }

    @Test
    void trailArnInsteadOfName() throws Exception {
        assertThat(error(replace("trailName: org-trail", "trailName: \"arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail\"")).message())
                .contains("not its ARN");
    }

    @Test
    void createTrailNeedsBucketAndLogGroupWildcard() throws Exception {
        List<Problem> errors = validate(replace("homeRegion: us-east-1}",
                "homeRegion: us-east-1, createTrail: {cloudWatchLogsGroupArn: \"arn:aws:logs:us-east-1:111122223333:log-group:x\"}}"))
                .stream().filter(Problem::isError).toList();
        assertThat(errors).extracting(Problem::path).contains("controls.cloudTrailDataEvents.createTrail.s3BucketName",
                "controls.cloudTrailDataEvents.createTrail.cloudWatchLogsRoleArn", "controls.cloudTrailDataEvents.createTrail.cloudWatchLogsGroupArn");
    }

    @Test
    void shadowUserPatternMatchingEveryone() throws Exception {
        Problem p = error(VALID.replace("controls:\n", "controls:\n  denyShadowUsers: {userNamePattern: \"*\"}\n"));
        assertThat(p.path()).isEqualTo("controls.denyShadowUsers.userNamePattern");
        assertThat(p.message()).contains("any IAM user");
    }

    @Test
    void shadowUserPatternCharacters() throws Exception {
        assertThat(error(VALID.replace("controls:\n", "controls:\n  denyShadowUsers: {userNamePattern: \"AeaApiKey/*\"}\n")).path())
                .isEqualTo("controls.denyShadowUsers.userNamePattern");
    }

    @Test
    void guideSuffixPatternWarns() throws Exception {
        Problem p = warning(VALID.replace("controls:\n", "controls:\n  denyShadowUsers: {userNamePattern: \"AeaApiKey-????????\"}\n"));
        assertThat(p.message()).contains("AeaApiKey-*");
    }

    @Test
    void limitsBelowLegacyValuesWarn() throws Exception {
        assertThat(warning(VALID + "limits: {scpMaxCharacters: 4000}\n").path()).isEqualTo("limits.scpMaxCharacters");
        assertThat(warning(VALID + "limits: {scpMaxPerTarget: 3}\n").path()).isEqualTo("limits.scpMaxPerTarget");
    }

    @Test
    void impossibleLimitsAreErrors() throws Exception {
        assertThat(error(VALID + "limits: {scpMaxPerTarget: 1}\n").path()).isEqualTo("limits.scpMaxPerTarget");
        assertThat(error(VALID + "limits: {selectorValuesMax: 0}\n").path()).isEqualTo("limits.selectorValuesMax");
    }

    @Test
    void scpOverTheSizeLimitEvenAfterPackingNamesTheLargestStatements() throws Exception {
        StringBuilder principals = new StringBuilder();
        for (int i = 0; i < 80; i++) principals.append(", arn:aws:iam::111122223333:role/claude-team-with-a-long-role-name-").append(i);
        Problem p = error(replace("role/claude-prod-deployer]", "role/claude-prod-deployer" + principals + "]")
                + "limits: {scpMaxCharacters: 5120}\n");
        assertThat(p.path()).isEqualTo("workspaces[0].allowedPrincipals");
        assertThat(p.message()).contains("even alone").contains("largest statements: DenyUnauthorizedAccessToWorkspace01AbCdEf23GhIj (");
    }

    @Test
    void moreScpsThanAttachmentSlots() throws Exception {
        StringBuilder ws = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            ws.append("  - id: wrkspc_W").append(i).append("\n    region: us-east-1\n    account: \"111122223333\"\n    allowedPrincipals: [");
            for (int j = 0; j < 30; j++) ws.append(j == 0 ? "" : ", ").append("arn:aws:iam::111122223333:role/claude-team-with-longer-names-").append(i).append("-member-").append(j);
            ws.append("]\n");
        }
        String yaml = replace("exemptPrincipals:", ws + "exemptPrincipals:") + "limits: {scpMaxCharacters: 5120, scpMaxPerTarget: 3}\n";
        List<Problem> errors = validate(yaml).stream().filter(Problem::isError).toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path()).isEqualTo("limits.scpMaxPerTarget");
        assertThat(errors.get(0).message()).contains("FullAWSAccess takes one");
    }

    @Test
    void moreSelectorValuesThanCloudTrailAllows() throws Exception {
        String yaml = replace("homeRegion: us-east-1}", "homeRegion: us-east-1, scope: listed-workspaces}")
                + "limits: {selectorValuesMax: 3}\n";
        Problem p = error(yaml);
        assertThat(p.path()).isEqualTo("controls.cloudTrailDataEvents.scope");
        assertThat(p.message()).contains("4 values").contains("3");
    }

    @Test
    void partitionFormat() throws Exception {
        List<Problem> errors = validate(VALID + "partition: amazon\n").stream().filter(Problem::isError).toList();
        assertThat(errors).extracting(Problem::path).contains("partition");
    }

    @Test
    void auditRoleNameMustBeAName() throws Exception {
        assertThat(error(VALID + "audit: {roleName: \"arn:aws:iam::111122223333:role/Audit\"}\n").path()).isEqualTo("audit.roleName");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        String yaml = replace("version: 1", "version: 3").replace("id: wrkspc_01AbCdEf23GhIj", "id: bad")
                .replace("r-ab12,", "x,");
        assertThat(validate(yaml).stream().filter(Problem::isError)).extracting(Problem::path)
                .contains("version", "workspaces[0].id", "targets[0]");
    }
}

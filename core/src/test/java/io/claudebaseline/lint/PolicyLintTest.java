package io.claudebaseline.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claudebaseline.config.ConfigException;
import io.claudebaseline.config.ConfigLoader;
import io.claudebaseline.config.Problem;
import io.claudebaseline.config.ScenarioConfig;
import io.claudebaseline.engine.BaselineEngine;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.eval.NamedPolicy;
import io.claudebaseline.eval.PolicyParser;
import io.claudebaseline.facts.ServiceReference;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.render.BaselineBuilder;
import io.claudebaseline.render.Templates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per lint rule, plus the bundled templates (clean) and a custom template with a typo (rejected by validate). */
class PolicyLintTest {
    private static final String WS = "arn:aws:aws-external-anthropic:*:*:workspace/wrkspc_01AbCdEf23GhIj";
    private final PolicyLint lint = new PolicyLint(ServiceReference.bundled());

    private List<Problem> lint(String... statements) {
        String doc = "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
        return lint.lint(PolicyParser.parse(new NamedPolicy("claude-baseline-1", null, doc)));
    }

    private static String deny(String sid, String action, String resource, String condition) {
        return "{\"Sid\":\"" + sid + "\",\"Effect\":\"Deny\",\"Action\":" + action + ",\"Resource\":" + resource
                + (condition == null ? "" : ",\"Condition\":" + condition) + "}";
    }

    @Test
    void misspeltActionIsAnErrorNamingPolicySidFieldAndTheNearestRealName() {
        List<Problem> problems = lint(deny("Protect", "[\"aws-external-anthropic:GetWorkspace\",\"aws-external-anthropic:CreateInferance\"]",
                "\"*\"", null));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.path()).isEqualTo("claude-baseline-1.Statement[0].Action[1]");
            assertThat(p.message()).contains("statement 'Protect' of SCP 'claude-baseline-1'")
                    .contains("aws-external-anthropic:CreateInferance is not an action of aws-external-anthropic")
                    .contains("did you mean CreateInference?");
        });
    }

    @Test
    void caseDoesNotMatterBecauseIamIgnoresIt() {
        assertThat(lint(deny("A", "\"AWS-EXTERNAL-ANTHROPIC:createinference\"", "\"*\"", null))).isEmpty();
        assertThat(lint(deny("B", "\"IAM:createservicespecificcredential\"", "\"*\"", null))).isEmpty();
    }

    @Test
    void wildcardThatMatchesNothingIsAnError() {
        assertThat(lint(deny("W", "\"aws-external-anthropic:Frobnicate*\"", "\"*\"", null))).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.path()).isEqualTo("claude-baseline-1.Statement[0].Action");
            assertThat(p.message()).contains("the wildcard aws-external-anthropic:Frobnicate* matches no action");
        });
        assertThat(lint(deny("W2", "\"aws-external-anthropic:*Inference\"", "\"*\"", null))).isEmpty();
    }

    @Test
    void typoInNotActionIsAnErrorToo() {
        String st = "{\"Sid\":\"N\",\"Effect\":\"Deny\",\"NotAction\":[\"iam:CreatUser\"],\"Resource\":\"*\"}";
        assertThat(lint(st)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("claude-baseline-1.Statement[0].NotAction");
            assertThat(p.message()).contains("did you mean CreateUser?").doesNotContain("GetUser");
        });
    }

    @Test
    void actionsOfServicesOutsideTheSnapshotAreNotJudged() {
        assertThat(lint(deny("S3", "[\"s3:GetObjectz\",\"iam:CreateUser\"]", "\"arn:aws:s3:::bucket/*\"",
                "{\"StringEquals\":{\"s3:prefix\":\"x\"}}"))).isEmpty();
        assertThat(lint(deny("All", "\"*\"", "\"*\"", "{\"StringEquals\":{\"foo:bar\":\"x\"}}"))).isEmpty();
    }

    @Test
    void conditionKeyThatAppliesToNoneOfTheActionsIsAnError() {
        // The age of a credential is a key of CreateServiceSpecificCredential only, not of a reset.
        List<Problem> problems = lint(deny("Reset", "\"iam:ResetServiceSpecificCredential\"", "\"*\"",
                "{\"NumericGreaterThan\":{\"iam:ServiceSpecificCredentialAgeDays\":\"30\"}}"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.path()).isEqualTo("claude-baseline-1.Statement[0].Condition.NumericGreaterThan.iam:ServiceSpecificCredentialAgeDays");
            assertThat(p.message()).contains("statement 'Reset'").contains("applies to none of the statement's actions (iam:ResetServiceSpecificCredential)");
        });
        assertThat(lint(deny("Bearer", "\"aws-external-anthropic:CreateInference\"", "\"*\"",
                "{\"StringEquals\":{\"aws-external-anthropic:BearerTokenType\":\"LONG_TERM\"}}"))).singleElement()
                .satisfies(p -> assertThat(p.isError()).isTrue());
    }

    @Test
    void keysThatApplyToOneOfTheActionsOrGloballyAreFine() {
        assertThat(lint(deny("Keys", "[\"iam:CreateServiceSpecificCredential\",\"iam:ResetServiceSpecificCredential\",\"iam:UpdateServiceSpecificCredential\"]",
                "\"*\"", "{\"StringEquals\":{\"iam:ServiceSpecificCredentialServiceName\":\"aws-external-anthropic.amazonaws.com\"},"
                        + "\"Null\":{\"iam:ServiceSpecificCredentialAgeDays\":\"true\"},"
                        + "\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/BreakGlassAdmin\"}}"))).isEmpty();
        assertThat(lint(deny("Tag", "\"aws-external-anthropic:*\"", "\"*\"",
                "{\"StringEquals\":{\"aws:ResourceTag/critical\":\"true\"},\"ForAnyValue:StringEquals\":{\"aws:TagKeys\":\"critical\"}}"))).isEmpty();
    }

    @Test
    void operatorThatDoesNotFitTheKeyTypeIsAWarning() {
        List<Problem> problems = lint(deny("Ops", "\"aws-external-anthropic:*\"", "\"*\"",
                "{\"NumericLessThan\":{\"aws:PrincipalArn\":\"5\"},\"StringEquals\":{\"aws:MultiFactorAuthPresent\":\"true\"},"
                        + "\"StringLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/x\"}}"));
        assertThat(problems).hasSize(2).allSatisfy(p -> assertThat(p.isError()).isFalse());
        assertThat(problems.get(0).path()).isEqualTo("claude-baseline-1.Statement[0].Condition.NumericLessThan.aws:PrincipalArn");
        assertThat(problems.get(0).message()).contains("the Numeric operator NumericLessThan does not fit the condition key aws:PrincipalArn of type ARN");
        assertThat(problems.get(1).message()).contains("aws:MultiFactorAuthPresent of type Bool");
    }

    @Test
    void resourceThatFitsNoneOfTheActionsFormatsIsAWarning() {
        List<Problem> problems = lint(deny("User", "\"iam:CreateUser\"", "[\"arn:aws:iam::*:user/AeaApiKey-*\",\"" + WS + "\"]", null));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.path()).isEqualTo("claude-baseline-1.Statement[0].Resource[1]");
            assertThat(p.message()).contains("statement 'User'").contains("fits none of the resource formats")
                    .contains("arn:${Partition}:iam::${Account}:user/${UserNameWithPath}");
        });
        assertThat(lint(deny("Bearer", "\"aws-external-anthropic:CallWithBearerToken\"", "\"" + WS + "\"", null))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("they take no resource"));
        assertThat(lint(deny("Protect", "\"aws-external-anthropic:*\"", "\"" + WS + "\"", null))).isEmpty();
    }

    @Test
    void intersectionOfWildcardPatterns() {
        assertThat(ArnFormats.intersect("arn:aws:iam::*:user/*", "arn:*:iam::*:user/*")).isTrue();
        assertThat(ArnFormats.intersect("arn:aws:iam::1:role/x", "arn:*:iam::*:user/*")).isFalse();
        assertThat(ArnFormats.intersect("a?c", "*b*")).isTrue();
        assertThat(ArnFormats.intersect("abc", "abd")).isFalse();
        assertThat(ArnFormats.intersect("*", "")).isTrue();
    }

    @Test
    void scenarioRules() {
        ScenarioLint scenarios = new ScenarioLint(ServiceReference.bundled());
        List<Problem> problems = scenarios.lint(List.of(
                new ScenarioConfig("typo", "arn:aws:iam::111122223333:role/x", "aws-external-anthropic:UpdateSkil", WS, Map.of(), ScenarioConfig.Expect.DENIED),
                new ScenarioConfig("key", "arn:aws:iam::111122223333:role/x", "aws-external-anthropic:CreateInference",
                        WS.replace("*:*", "us-east-1:111122223333"), Map.of("aws-external-anthropic:BearerTokenType", "LONG_TERM", "aws:SourceIp", "10.0.0.1"),
                        ScenarioConfig.Expect.DENIED),
                new ScenarioConfig("resource", "arn:aws:iam::111122223333:role/x", "aws-external-anthropic:CallWithBearerToken", WS, Map.of(),
                        ScenarioConfig.Expect.DENIED),
                new ScenarioConfig("fine", "arn:aws:iam::111122223333:role/x", "iam:CreateUser", "arn:aws:iam::111122223333:user/alice", Map.of(),
                        ScenarioConfig.Expect.ALLOWED)));
        assertThat(problems).extracting(Problem::path).containsExactly("scenarios[0].action",
                "scenarios[1].context.aws-external-anthropic:BearerTokenType", "scenarios[2].resource");
        assertThat(problems.get(0).message()).contains("did you mean UpdateSkill?");
        assertThat(problems.get(0).isError()).isTrue();
        assertThat(problems.get(1).isError()).isTrue();
        assertThat(problems.get(2).isError()).isFalse();
    }

    @Test
    void everyBundledTemplateLintsCleanForTheExample() throws Exception {
        Path example = Path.of("../examples/claude-baseline.yaml");
        Baseline baseline = BaselineBuilder.build(ConfigLoader.load(example), Templates.bundled());
        assertThat(BaselineLint.check(baseline)).isEmpty();
    }

    @Test
    void validateRejectsACustomTemplateWithATypoedAction(@TempDir Path dir) throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates/scp"));
        String bundled = Files.readString(Path.of("../templates/scp/deny-key-use.json.mustache"));
        assertThat(bundled).contains(":CallWithBearerToken\"");
        Files.writeString(templates.resolve("deny-key-use.json.mustache"), bundled.replace(":CallWithBearerToken\"", ":CallWithBearerTokens\""));
        EngineRequest request = EngineRequest.builder(Action.VALIDATE, Path.of("../examples/claude-baseline.yaml"))
                .templatesDir(dir.resolve("templates")).build();
        assertThatThrownBy(() -> new BaselineEngine().run(request, line -> { }))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("aws-external-anthropic:CallWithBearerTokens is not an action of aws-external-anthropic")
                .hasMessageContaining("did you mean CallWithBearerToken?")
                .hasMessageContaining("Statement[");
    }
}

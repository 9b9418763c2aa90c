package io.claudebaseline.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.config.ConfigLoader;
import io.claudebaseline.config.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioValidatorTest {
    static final String GOOD = """
              - name: ok
                principal: arn:aws:iam::111122223333:role/claude-prod-deployer
                action: aws-external-anthropic:CreateInference
                resource: arn:aws:aws-external-anthropic:us-east-1:111122223333:workspace/wrkspc_01AbCdEf23GhIj
                context: {aws:PrincipalTag/team: platform, aws:TagKeys: [a, b], example:Count: 3, example:Flag: true}
                expect: allowed
            """;

    static List<Problem> validate(String scenarios) throws Exception {
        return ScenarioValidator.validate(ConfigLoader.parse("version: 1\nscenarios:\n" + scenarios, false, "test"));
    }

    static List<String> errors(String scenarios) throws Exception {
        return validate(scenarios).stream().filter(Problem::isError).map(Problem::toString).toList();
    }

    @Test
    void aCompleteScenarioHasNoProblems() throws Exception {
        assertThat(validate(GOOD)).isEmpty();
        assertThat(validate(GOOD.replace("resource: arn:aws:aws-external-anthropic:us-east-1:111122223333:workspace/wrkspc_01AbCdEf23GhIj",
                "resource: \"*\""))).isEmpty();
    }

    @Test
    void missingFieldsAreNamedByPath() throws Exception {
        assertThat(errors("  - resource: \"*\"\n")).containsExactly(
                "error: scenarios[0].name: is missing; give each scenario a short unique name (it names the check in reports)",
                "error: scenarios[0].principal: is missing; give the IAM role or user ARN making the request, e.g. arn:aws:iam::111122223333:role/claude-prod-deployer",
                "error: scenarios[0].action: is missing; give one action such as aws-external-anthropic:CreateInference",
                "error: scenarios[0].expect: is missing; write 'expect: denied' or 'expect: allowed'");
    }

    @Test
    void duplicateNamesAreRejected() throws Exception {
        assertThat(errors(GOOD + GOOD)).singleElement().asString()
                .startsWith("error: scenarios[1].name: 'ok' is already the name of scenarios[0]");
    }

    @Test
    void sessionArnIsRejectedWithTheRoleArnToUse() throws Exception {
        assertThat(errors(GOOD.replace("arn:aws:iam::111122223333:role/claude-prod-deployer",
                "arn:aws:sts::111122223333:assumed-role/claude-prod-deployer/session-1"))).singleElement().asString()
                .startsWith("error: scenarios[0].principal: is an STS session ARN")
                .contains("use arn:aws:iam::111122223333:role/claude-prod-deployer");
    }

    @Test
    void principalMustBeOneConcreteIamArn() throws Exception {
        assertThat(errors(GOOD.replace("role/claude-prod-deployer", "role/claude-*"))).singleElement().asString()
                .contains("scenarios[0].principal: contains a wildcard");
        assertThat(errors(GOOD.replace("arn:aws:iam::111122223333:role/claude-prod-deployer", "arn:aws:iam::1111:role/x")))
                .singleElement().asString().contains("scenarios[0].principal: 'arn:aws:iam::1111:role/x' is not an IAM role, user or root ARN");
        assertThat(errors(GOOD.replace("arn:aws:iam::111122223333:role/claude-prod-deployer", "arn:aws:iam::111122223333:root"))).isEmpty();
    }

    @Test
    void otherPartitionIsAWarning() throws Exception {
        assertThat(validate(GOOD.replace("arn:aws:iam::111122223333:role", "arn:aws-cn:iam::111122223333:role")))
                .singleElement().satisfies(p -> {
                    assertThat(p.isError()).isFalse();
                    assertThat(p.path()).isEqualTo("scenarios[0].principal");
                });
    }

    @Test
    void actionAndResourceMustBeConcrete() throws Exception {
        assertThat(errors(GOOD.replace("aws-external-anthropic:CreateInference", "aws-external-anthropic:*"))).singleElement().asString()
                .contains("scenarios[0].action: contains a wildcard");
        assertThat(errors(GOOD.replace("aws-external-anthropic:CreateInference", "CreateInference"))).singleElement().asString()
                .contains("scenarios[0].action: 'CreateInference' is not service:Action");
        assertThat(errors(GOOD.replace("workspace/wrkspc_01AbCdEf23GhIj", "workspace/*"))).singleElement().asString()
                .contains("scenarios[0].resource: contains a wildcard");
        assertThat(errors(GOOD.replace("resource: arn:aws:aws-external-anthropic:us-east-1:111122223333:workspace/wrkspc_01AbCdEf23GhIj",
                "resource: wrkspc_01AbCdEf23GhIj"))).singleElement().asString().contains("scenarios[0].resource: 'wrkspc_01AbCdEf23GhIj' is not an ARN");
    }

    @Test
    void contextKeysAndValuesAreChecked() throws Exception {
        assertThat(errors(GOOD.replace("aws:PrincipalTag/team: platform", "aws:principalarn: arn:aws:iam::111122223333:role/x")))
                .singleElement().asString().contains("scenarios[0].context.aws:principalarn: is set from the scenario's principal");
        assertThat(errors(GOOD.replace("aws:PrincipalTag/team: platform", "team: platform")))
                .singleElement().asString().contains("scenarios[0].context.team: is not a condition key");
        assertThat(errors(GOOD.replace("aws:PrincipalTag/team: platform", "aws:PrincipalTag/team: {nested: map}")))
                .singleElement().asString().contains("scenarios[0].context.aws:PrincipalTag/team: must be a string, number, boolean or a list");
        assertThat(errors(GOOD.replace("[a, b]", "[a, [b]]")))
                .singleElement().asString().contains("scenarios[0].context.aws:TagKeys[1]: must be a string, number or boolean");
        assertThat(errors(GOOD.replace("aws:PrincipalTag/team: platform", "aws:PrincipalTag/team: null")))
                .singleElement().asString().contains("scenarios[0].context.aws:PrincipalTag/team");
    }
}

package io.claudebaseline.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScpEvaluatorTest {
    static final String WS = "arn:aws:aws-external-anthropic:us-east-1:111122223333:workspace/wrkspc_01AbCdEf23GhIj";
    static final String PROTECT = """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"*","Resource":"*"},
              {"Sid":"Protect","Effect":"Deny","Action":"aws-external-anthropic:*","Resource":"arn:aws:aws-external-anthropic:*:*:workspace/wrkspc_01AbCdEf23GhIj",
               "Condition":{"ArnNotLike":{"aws:PrincipalArn":["arn:aws:iam::111122223333:role/deployer"]}}}]}""";
    static final String BLANKET = """
            {"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"aws-external-anthropic:CreateInference","Resource":"*"}}""";

    @Test
    void deniedDecisionNamesPolicyIdSidAndIndex() {
        Decision d = ScpEvaluator.of(List.of(new NamedPolicy("claude-baseline-1", "p-abc123", PROTECT)))
                .evaluate(Request.of("arn:aws:iam::111122223333:role/Admin", "aws-external-anthropic:CreateInference", WS));
        assertThat(d.outcome()).isEqualTo(Decision.Outcome.DENIED);
        assertThat(d.decidingStatement()).contains(new StatementRef("claude-baseline-1", "p-abc123", "Protect", 1));
        assertThat(d.explain()).isEqualTo("denied by policy 'claude-baseline-1' (p-abc123) statement 'Protect' (#1)");
    }

    @Test
    void notDeniedDecisionExplainsTheConditionThatDidNotHold() {
        Decision d = ScpEvaluator.of(List.of(new NamedPolicy("claude-baseline-1", null, PROTECT)))
                .evaluate(Request.of("arn:aws:iam::111122223333:role/deployer", "aws-external-anthropic:CreateInference", WS));
        assertThat(d.isDenied()).isFalse();
        assertThat(d.nearMisses()).singleElement().satisfies(m -> {
            assertThat(m.statement().sid()).isEqualTo("Protect");
            assertThat(m.reason()).contains("ArnNotLike aws:PrincipalArn");
        });
    }

    @Test
    void everyApplicableDenyIsListedInPolicyOrderAndTheFirstDecides() {
        Decision d = ScpEvaluator.of(List.of(new NamedPolicy("a", null, BLANKET), new NamedPolicy("b", null, PROTECT)))
                .evaluate(Request.of("arn:aws:iam::111122223333:role/Admin", "aws-external-anthropic:CreateInference", WS));
        assertThat(d.denies()).extracting(StatementRef::policyName).containsExactly("a", "b");
        assertThat(d.explain()).contains("policy 'a'").contains("and 1 more");
    }

    @Test
    void noPoliciesMeansNothingIsDenied() {
        Decision d = ScpEvaluator.of(List.of()).evaluate(Request.of("arn:aws:iam::1:role/x", "iam:CreateUser", "*"));
        assertThat(d.isDenied()).isFalse();
        assertThat(d.explain()).isEqualTo("no Deny statement matches this action and resource");
    }

    @Test
    void principalArnComesFromThePrincipalUnlessGiven() {
        Request r = Request.of("arn:aws:iam::111122223333:role/x", "iam:CreateUser", "*");
        assertThat(r.values("AWS:principalarn")).containsExactly("arn:aws:iam::111122223333:role/x");
        Request explicit = new Request("arn:aws:iam::111122223333:role/x", "iam:CreateUser", "*",
                java.util.Map.of("aws:PrincipalArn", List.of("arn:aws:iam::111122223333:role/y")));
        assertThat(explicit.values("aws:PrincipalArn")).containsExactly("arn:aws:iam::111122223333:role/y");
    }

    @Test
    void parseErrorsNameThePolicyAndThePath() {
        assertThatThrownBy(() -> ScpEvaluator.of(List.of(new NamedPolicy("bad", null,
                "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"ArnNotLike\":{\"aws:PrincipalArn\":{}}}}]}"))))
                .isInstanceOf(PolicyParseException.class)
                .hasMessage("policy 'bad' at Statement[0].Condition.ArnNotLike.aws:PrincipalArn: must be a string, number, boolean or a non-empty array of them")
                .extracting(e -> ((PolicyParseException) e).path()).isEqualTo("Statement[0].Condition.ArnNotLike.aws:PrincipalArn");
    }

    @Test
    void duplicateKeysAreRejectedRatherThanSilentlyDropped() {
        assertThatThrownBy(() -> PolicyParser.parse(new NamedPolicy("dup", null,
                "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Action\":\"iam:*\",\"Resource\":\"*\"}]}")))
                .isInstanceOf(PolicyParseException.class).hasMessageContaining("not valid JSON").hasMessageContaining("Duplicate");
    }

    @Test
    void emptyOrNonObjectDocumentsAreRejected() {
        assertThatThrownBy(() -> PolicyParser.parse(new NamedPolicy("e", null, " "))).hasMessageContaining("empty");
        assertThatThrownBy(() -> PolicyParser.parse(new NamedPolicy("e", null, "[]"))).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> PolicyParser.parse(new NamedPolicy("e", null, "{\"Version\":\"2012-10-17\"}")))
                .hasMessageContaining("Statement");
        assertThatThrownBy(() -> PolicyParser.parse(new NamedPolicy("e", null,
                "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"intranet.example.com\"}}}]}")))
                .hasMessageContaining("is not an IPv4/IPv6 address or CIDR range");
    }

    @Test
    void statementWithoutResourceCoversEveryResource() {
        Decision d = ScpEvaluator.of(List.of(new NamedPolicy("p", null,
                "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"iam:CreateUser\"}]}")))
                .evaluate(Request.of("arn:aws:iam::1:role/x", "iam:CreateUser", "arn:aws:iam::111122223333:user/a"));
        assertThat(d.isDenied()).isTrue();
    }

    @Test
    void version2008DisablesPolicyVariables() {
        String doc = "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"iam:CreateUser\","
                + "\"Resource\":\"arn:aws:iam::*:user/${aws:username}\"}]}";
        Request r = Request.of("arn:aws:iam::1:user/bob", "iam:CreateUser", "arn:aws:iam::111122223333:user/bob").with("aws:username", "bob");
        assertThat(ScpEvaluator.of(List.of(new NamedPolicy("p", null, doc))).evaluate(r).isDenied()).isFalse();
        assertThat(ScpEvaluator.of(List.of(new NamedPolicy("p", null, doc.replace("2008-10-17", "2012-10-17")))).evaluate(r).isDenied()).isTrue();
    }
}

package io.claudebaseline.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class PolicySemanticsTest {

    private static final String DOC = """
            {"Version":"2012-10-17","Statement":[
             {"Sid":"A","Effect":"Deny","Action":"aws-external-anthropic:*",
              "Resource":"arn:aws:aws-external-anthropic:*:*:workspace/wrkspc_1",
              "Condition":{"ArnNotLike":{"aws:PrincipalArn":["arn:aws:iam::*:role/x","arn:aws:iam::*:role/y"]}}},
             {"Sid":"B","Effect":"Deny","Action":["iam:CreateUser"],"Resource":["arn:aws:iam::*:user/AeaApiKey-*"]}]}
            """;

    private static boolean eq(String a, String b) {
        return PolicySemantics.equivalent(a, b);
    }

    @Test
    void memberOrderIsIrrelevant() {
        String reordered = """
                {"Statement":[
                 {"Resource":["arn:aws:iam::*:user/AeaApiKey-*"],"Action":["iam:CreateUser"],"Effect":"Deny","Sid":"B"},
                 {"Condition":{"ArnNotLike":{"aws:PrincipalArn":["arn:aws:iam::*:role/y","arn:aws:iam::*:role/x"]}},
                  "Resource":"arn:aws:aws-external-anthropic:*:*:workspace/wrkspc_1","Effect":"Deny",
                  "Action":"aws-external-anthropic:*","Sid":"A"}],
                 "Version":"2012-10-17"}
                """;
        assertThat(eq(DOC, reordered)).isTrue();
        assertThat(PolicySemantics.canonicalString(PolicySemantics.parse(DOC)))
                .isEqualTo(PolicySemantics.canonicalString(PolicySemantics.parse(reordered)));
    }

    @Test
    void singleStringEqualsOneElementListAndDuplicatesCollapse() {
        String a = "{\"Effect\":\"Deny\",\"Action\":\"iam:CreateUser\",\"Resource\":\"*\"}";
        String b = "{\"Effect\":\"Deny\",\"Action\":[\"iam:CreateUser\",\"iam:CreateUser\"],\"Resource\":[\"*\"]}";
        assertThat(eq(a, b)).isTrue();
    }

    @Test
    void actionNamesAreCaseInsensitiveButResourcesAreNot() {
        String a = "{\"Effect\":\"Deny\",\"Action\":\"IAM:createuser\",\"Resource\":\"arn:aws:iam::*:user/A\"}";
        String b = "{\"Effect\":\"Deny\",\"Action\":\"iam:CreateUser\",\"Resource\":\"arn:aws:iam::*:user/A\"}";
        String c = "{\"Effect\":\"Deny\",\"Action\":\"iam:CreateUser\",\"Resource\":\"arn:aws:iam::*:user/a\"}";
        assertThat(eq(a, b)).isTrue();
        assertThat(eq(b, c)).isFalse();
    }

    @Test
    void conditionValuesAreSetsAndKeyNamesCaseInsensitive() {
        String a = "{\"Effect\":\"Deny\",\"Action\":\"x:Y\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws-external-anthropic:BearerTokenType\":\"LONG_TERM\"}}}";
        String b = "{\"Effect\":\"Deny\",\"Action\":\"x:Y\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"AWS-External-Anthropic:bearertokentype\":[\"LONG_TERM\",\"LONG_TERM\"]}}}";
        String differentValue = "{\"Effect\":\"Deny\",\"Action\":\"x:Y\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws-external-anthropic:BearerTokenType\":\"long_term\"}}}";
        String differentOperator = "{\"Effect\":\"Deny\",\"Action\":\"x:Y\",\"Resource\":\"*\",\"Condition\":{\"StringLike\":{\"aws-external-anthropic:BearerTokenType\":\"LONG_TERM\"}}}";
        assertThat(eq(a, b)).isTrue();
        assertThat(eq(a, differentValue)).isFalse();
        assertThat(eq(a, differentOperator)).isFalse();
    }

    @Test
    void booleanAndNumberConditionValuesEqualTheirStrings() {
        String a = "{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":false},\"NumericGreaterThan\":{\"s3:max-keys\":10}}}";
        String b = "{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"},\"NumericGreaterThan\":{\"s3:max-keys\":[\"10\"]}}}";
        assertThat(eq(a, b)).isTrue();
    }

    @Test
    void statementsAreASetAndASingleObjectEqualsAOneElementList() {
        String a = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"a:b\",\"Resource\":\"*\"}}";
        String b = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"a:b\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":[\"a:b\"],\"Resource\":\"*\"}]}";
        assertThat(eq(a, b)).isTrue();
    }

    @Test
    void realDifferencesAreNotHidden() {
        String base = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"S\",\"Effect\":\"Deny\",\"Action\":\"a:b\",\"Resource\":\"*\"}]}";
        assertThat(eq(base, base.replace("\"Deny\"", "\"Allow\""))).isFalse();
        assertThat(eq(base, base.replace("\"S\"", "\"T\""))).as("Sid is stored content").isFalse();
        assertThat(eq(base, base.replace("\"Action\"", "\"NotAction\""))).isFalse();
        assertThat(eq(base, base.replace("2012-10-17", "2008-10-17"))).isFalse();
        assertThat(eq(base, base.replace("\"Resource\":\"*\"", "\"Resource\":[\"*\",\"arn:x\"]"))).isFalse();
        String twoStatements = base.replace("}]}", "},{\"Effect\":\"Deny\",\"Action\":\"c:d\",\"Resource\":\"*\"}]}");
        assertThat(eq(base, twoStatements)).isFalse();
    }

    @Test
    void canonicalDoesNotModifyItsInput() {
        JsonNode doc = PolicySemantics.parse(DOC);
        String before = doc.toString();
        PolicySemantics.canonical(doc);
        assertThat(doc.toString()).isEqualTo(before);
    }

    @Test
    void minifyKeepsOrderAndCountsCharacters() {
        JsonNode doc = PolicySemantics.parse("{ \"b\" : 1,\n \"a\" : [ \"é\", \"x\\\"y\" ] }");
        String min = PolicySemantics.minify(doc);
        assertThat(min).isEqualTo("{\"b\":1,\"a\":[\"é\",\"x\\\"y\"]}");
        assertThat(PolicySemantics.parse(min)).isEqualTo(doc);
    }

    @Test
    void diffNamesMissingAndUnexpectedStatements() {
        String desired = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Deny\",\"Action\":\"a:b\",\"Resource\":\"*\"},"
                + "{\"Sid\":\"B\",\"Effect\":\"Deny\",\"Action\":\"c:d\",\"Resource\":\"*\"}]}";
        String actual = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"B\",\"Effect\":\"Deny\",\"Action\":[\"C:D\"],\"Resource\":\"*\"},"
                + "{\"Sid\":\"X\",\"Effect\":\"Deny\",\"Action\":\"e:f\",\"Resource\":\"*\"}]}";
        PolicySemantics.StatementDiff diff = PolicySemantics.diff(PolicySemantics.parse(desired), PolicySemantics.parse(actual));
        assertThat(diff.missing()).extracting(n -> n.get("Sid").asText()).containsExactly("A");
        assertThat(diff.unexpected()).extracting(n -> n.get("Sid").asText()).containsExactly("X");
        assertThat(PolicySemantics.diff(PolicySemantics.parse(desired), PolicySemantics.parse(desired)).isEmpty()).isTrue();
    }

    @Test
    void rejectsTextThatIsNotJson() {
        assertThatThrownBy(() -> PolicySemantics.parse("{not json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON policy document");
    }
}

package io.claudebaseline.live;

import static io.claudebaseline.live.PlannerTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.facts.AwsFacts;
import org.junit.jupiter.api.Test;

/** Which advanced selectors capture Claude workspace data events (verify's trail-data-selectors check). */
class SelectorCoverageTest {

    static final String TYPE = "{\"Field\":\"resources.type\",\"Equals\":[\"" + AwsFacts.WORKSPACE_RESOURCE_TYPE + "\"]}";
    static final String DATA = "{\"Field\":\"eventCategory\",\"Equals\":[\"Data\"]}";
    static final String ARN = "arn:aws:aws-external-anthropic:us-east-1:111122223333:workspace/wrkspc_01AbCdEf23GhIj";

    @Test
    void allWorkspaces() {
        assertThat(SelectorCoverage.capturesAllWorkspaces(json("{\"FieldSelectors\":[" + DATA + "," + TYPE + "]}"))).isTrue();
        assertThat(SelectorCoverage.captures(json("{\"FieldSelectors\":[" + DATA + "," + TYPE + "]}"), ARN)).isTrue();
    }

    @Test
    void perWorkspaceStartsWith() {
        var s = json("{\"FieldSelectors\":[" + DATA + "," + TYPE + ",{\"Field\":\"resources.ARN\",\"StartsWith\":[\"" + ARN + "\"]}]}");
        assertThat(SelectorCoverage.captures(s, ARN)).isTrue();
        assertThat(SelectorCoverage.captures(s, ARN.replace("wrkspc_01", "wrkspc_02"))).isFalse();
        assertThat(SelectorCoverage.capturesAllWorkspaces(s)).isFalse();
    }

    @Test
    void negativeOperatorsExclude() {
        var s = json("{\"FieldSelectors\":[" + DATA + "," + TYPE + ",{\"Field\":\"resources.ARN\",\"NotStartsWith\":[\"" + ARN + "\"]}]}");
        assertThat(SelectorCoverage.captures(s, ARN)).isFalse();
        assertThat(SelectorCoverage.captures(s, ARN.replace("wrkspc_01", "wrkspc_02"))).isTrue();
    }

    @Test
    void narrowingFieldsOrTheWrongTypeOrCategoryDoNotCount() {
        assertThat(SelectorCoverage.captures(json("{\"FieldSelectors\":[" + DATA + "," + TYPE + ",{\"Field\":\"readOnly\",\"Equals\":[\"false\"]}]}"), ARN))
                .as("write events only").isFalse();
        assertThat(SelectorCoverage.captures(json("{\"FieldSelectors\":[" + DATA + ",{\"Field\":\"resources.type\",\"Equals\":[\"AWS::S3::Object\"]}]}"), ARN)).isFalse();
        assertThat(SelectorCoverage.captures(json("{\"FieldSelectors\":[{\"Field\":\"eventCategory\",\"Equals\":[\"Management\"]}]}"), ARN)).isFalse();
        assertThat(SelectorCoverage.captures(json("{\"FieldSelectors\":[" + TYPE + "]}"), ARN)).as("category is required").isFalse();
    }
}

package io.claudebaseline.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claudebaseline.config.ConfigLoader;
import io.claudebaseline.config.Problem;
import io.claudebaseline.eval.NamedPolicy;
import io.claudebaseline.eval.PolicyParser;
import io.claudebaseline.facts.ServiceReference;
import io.claudebaseline.lint.PolicyLint;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.model.ScpDocument;
import io.claudebaseline.policy.PolicySemantics;
import io.claudebaseline.simulate.Simulator;
import io.claudebaseline.verify.CheckResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rendered SCPs have one form: Action, NotAction, Resource and NotResource are always lists (as Terraform's
 * jsonencode and AWS's editor write them), whatever the template wrote. SCPs in the older string form — already
 * applied by earlier versions — mean the same to verify's drift detection, to lint and to the simulator.
 */
public class CanonicalFormTest {

    @TempDir
    Path dir;

    static Stream<Baseline> examples() throws Exception {
        return Stream.of("claude-baseline.yaml", "guide-parity.yaml", "legacy-limits-per-control.yaml").map(name -> {
            try {
                return BaselineBuilder.build(ConfigLoader.load(HclTool.repoRoot().resolve("examples").resolve(name)),
                        Templates.bundled());
            } catch (Exception e) {
                throw new IllegalStateException(name, e);
            }
        });
    }

    private static void assertListForm(ScpDocument scp) {
        for (JsonNode st : PolicySemantics.parse(scp.content()).path("Statement")) {
            for (String element : StatementRenderer.LIST_ELEMENTS) {
                if (st.has(element)) {
                    assertThat(st.get(element).isArray()).as("%s %s %s", scp.name(), st.path("Sid").asText(), element).isTrue();
                }
            }
        }
    }

    @Test
    void everyBundledStatementWritesActionAndResourceAsLists() throws Exception {
        List<Baseline> baselines = examples().toList();
        assertThat(baselines).allSatisfy(b -> assertThat(b.scps()).isNotEmpty().allSatisfy(CanonicalFormTest::assertListForm));
    }

    @Test
    void aCustomTemplateInStringFormIsRenderedInListFormAndItsSizeIsWhatIsWritten() throws Exception {
        Files.writeString(dir.resolve("deny-key-use.json.mustache"), """
                {"Sid": "{{sid}}", "Effect": "Deny", "NotAction": "iam:GetUser", "NotResource": "arn:aws:iam::*:user/x",
                 "Condition": {"StringEquals": {"{{bearerTokenTypeKey}}": "{{longTerm}}"}}}
                """);
        Baseline b = BaselineBuilder.build(ConfigLoader.parse(TerraformHclTest.BASE, false, "t"), Templates.withOverrides(dir));
        assertThat(b.scps()).allSatisfy(CanonicalFormTest::assertListForm);
        assertThat(b.scps().get(0).content()).contains("\"NotAction\":[\"iam:GetUser\"]", "\"NotResource\":[\"arn:aws:iam::*:user/x\"]");
        // The packer's computed sizes are checked against the rendered document (ScpPacker throws otherwise); the
        // manifest's character count is the written content's.
        Map<String, String> files = ArtifactWriter.render(b, Templates.withOverrides(dir), "t.yaml");
        JsonNode manifest = PolicySemantics.parse(files.get("manifest.json"));
        for (JsonNode s : manifest.path("scps")) {
            String content = b.scp(s.path("name").asText()).orElseThrow().content();
            assertThat(s.path("characters").asInt()).isEqualTo(content.length());
        }
    }

    /** The form earlier versions applied: every single-element list of these elements as a plain string. */
    public static String stringForm(String policy) {
        JsonNode doc = PolicySemantics.parse(policy);
        for (JsonNode st : doc.path("Statement")) {
            for (String element : StatementRenderer.LIST_ELEMENTS) {
                JsonNode v = st.get(element);
                if (v != null && v.isArray() && v.size() == 1) {
                    ((ObjectNode) st).put(element, v.get(0).asText());
                }
            }
        }
        return PolicySemantics.minify(doc);
    }

    @Test
    void theOlderStringFormIsNoDriftAndLintAndTheSimulatorJudgeItAlike() throws Exception {
        for (Baseline b : examples().toList()) {
            List<NamedPolicy> lists = b.scps().stream().map(s -> new NamedPolicy(s.name(), null, s.content())).toList();
            List<NamedPolicy> strings = b.scps().stream().map(s -> new NamedPolicy(s.name(), null, stringForm(s.content()))).toList();
            assertThat(strings).extracting(NamedPolicy::content).as("the examples have single-element lists to rewrite")
                    .anyMatch(c -> c.contains("\"Resource\":\"*\""));
            for (int i = 0; i < lists.size(); i++) {
                String desired = lists.get(i).content();
                String live = strings.get(i).content();
                assertThat(live).isNotEqualTo(desired);
                assertThat(PolicySemantics.equivalent(desired, live)).as(b.scps().get(i).name()).isTrue();
                assertThat(PolicySemantics.diff(PolicySemantics.parse(desired), PolicySemantics.parse(live)).isEmpty()).isTrue();

                PolicyLint lint = new PolicyLint(ServiceReference.bundled());
                List<Problem> fromLists = lint.lint(PolicyParser.parse(lists.get(i)));
                List<Problem> fromStrings = lint.lint(PolicyParser.parse(strings.get(i)));
                assertThat(fromStrings).extracting(Problem::message).isEqualTo(fromLists.stream().map(Problem::message).toList());
                assertThat(fromStrings).noneMatch(Problem::isError);
            }
            List<CheckResult> simulatedLists = Simulator.check(b, lists);
            List<CheckResult> simulatedStrings = Simulator.check(b, strings);
            assertThat(simulatedStrings).extracting(CheckResult::check, CheckResult::status)
                    .isEqualTo(simulatedLists.stream().map(c -> org.assertj.core.groups.Tuple.tuple(c.check(), c.status())).toList());
            assertThat(simulatedStrings).noneMatch(c -> c.status() == io.claudebaseline.verify.CheckStatus.FAIL);
        }
    }
}

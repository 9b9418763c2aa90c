package io.jenkins.plugins.claudebaseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.config.Problem;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.verify.CheckResult;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultMapperTest {

    @TempDir
    Path workspace;

    @Test
    void theMapHoldsOnlySandboxReadableSerializableValuesWithWorkspacePaths() throws Exception {
        StepParameters p = new StepParameters("verify", "cfg/claude-baseline.yaml", null, "reports", null, null, null, null,
                null, null, null, false, false, null, null, null, false, null, null, null, null, null, null, null, null, null);
        Files.createDirectories(workspace.resolve("cfg"));
        Files.writeString(workspace.resolve("cfg/claude-baseline.yaml"), "version: 1\n");
        WorkspaceFiles area = WorkspaceFiles.resolve(workspace, p);
        {
            Path reports = area.reportDir();
            Files.createDirectories(reports);
            Files.writeString(reports.resolve("summary.md"), "# ok");
            EngineResult result = new EngineResult(Action.VERIFY, false, 0,
                    List.of(CheckResult.fail("protect-workspaces", "scp-attached:x:r-ab12", "Not attached to r-ab12.")
                                    .withEvidence(Map.of("policyId", "p-12345678")),
                            CheckResult.pass("deny-long-term-key-use", "scp-content:x", "Matches.")),
                    List.of(Problem.warning("exemptPrincipals[0]", "wildcard")),
                    List.of(reports.resolve("report.json"), reports.resolve("junit.xml"), Path.of("summary.md")),
                    reports, "Checked " + area.config() + ": 1 of 2 checks failed; reports in " + reports + ".");

            LinkedHashMap<String, Object> map = ResultMapper.toMap(result, area);

            assertThat(map.keySet()).containsExactlyElementsOf(ResultMapper.KEYS);
            assertThat(map.get("action")).isEqualTo("verify");
            assertThat(map.get("compliant")).isEqualTo(Boolean.FALSE);
            assertThat(map.get("changes")).isEqualTo(0);
            assertThat(map.get("checks")).isInstanceOf(ArrayList.class);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> checks = (List<Map<String, Object>>) map.get("checks");
            assertThat(checks.get(0)).isInstanceOf(LinkedHashMap.class).containsExactly(
                    Map.entry("control", "protect-workspaces"),
                    Map.entry("check", "scp-attached:x:r-ab12"),
                    Map.entry("status", "FAIL"),
                    Map.entry("message", "Not attached to r-ab12."));
            assertThat(checks.get(1).get("status")).isEqualTo("PASS");
            assertThat(map.get("reportDir")).isEqualTo("reports");
            assertThat(map.get("artifacts")).isInstanceOf(ArrayList.class)
                    .isEqualTo(List.of("reports/report.json", "reports/junit.xml", "reports/summary.md"));
            assertThat(map.get("summary")).isEqualTo("Checked cfg/claude-baseline.yaml: 1 of 2 checks failed; reports in reports.");

            // The build keeps the returned value; it must serialise without any plugin class.
            try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
                out.writeObject(map);
            }
        }
    }

    @Test
    void renderArtifactsLandUnderTheOutputDirectory() throws Exception {
        StepParameters p = new StepParameters("render", null, "out/baseline", null, null, null, null, null, null, null, null, false,
                false, null, null, null, false, null, null, null, null, null, null, null, null, null);
        Files.writeString(workspace.resolve("claude-baseline.yaml"), "version: 1\n");
        WorkspaceFiles area = WorkspaceFiles.resolve(workspace, p);
        {
            Path out = area.outputDir();
            Files.createDirectories(out.resolve("scp"));
            Files.writeString(out.resolve("scp/claude-baseline-1.json"), "{}");
            EngineResult result = new EngineResult(Action.RENDER, true, 0, List.of(), List.of(),
                    List.of(Path.of("scp/claude-baseline-1.json"), out.resolve("terraform/main.tf"), out.resolve("manifest.json")),
                    null, "Rendered 1 SCP(s) into " + out + " (3 files).");
            LinkedHashMap<String, Object> map = ResultMapper.toMap(result, area);
            assertThat(map.get("artifacts")).isEqualTo(List.of("out/baseline/scp/claude-baseline-1.json",
                    "out/baseline/terraform/main.tf", "out/baseline/manifest.json"));
            assertThat(map.get("reportDir")).isNull();
            assertThat(map.get("compliant")).isEqualTo(Boolean.TRUE);
            assertThat(map.get("summary")).isEqualTo("Rendered 1 SCP(s) into out/baseline (3 files).");
            assertThat((String) map.get("summary")).doesNotContain(area.root().toString());
        }
    }
}

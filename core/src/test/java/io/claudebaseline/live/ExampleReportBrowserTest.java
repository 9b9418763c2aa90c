package io.claudebaseline.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.testing.CspServer;
import io.claudebaseline.testing.HeadlessChromium;
import io.claudebaseline.testing.MotoFixtures;
import io.claudebaseline.testing.MotoServer;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report a reader of docs/reports.md sees: verify against moto after someone weakened the SCP and an account
 * was created in an OU the baseline does not reach, rendered by Chromium under Jenkins' artifact CSP. The
 * screenshot goes to {@code target/report-screenshots/example-verify.png}; {@code -Dscreenshot.update=true}
 * also copies it to {@code docs/images/report-example.png}.
 */
@ExtendWith(MotoServer.class)
class ExampleReportBrowserTest {
    static final Path DOCS_IMAGE = Path.of("..", "docs", "images", "report-example.png");

    @TempDir
    Path dir;

    @Test
    void tamperedScpAndUncoveredAccountAreVisibleInTheBrowser(MotoServer server, MotoFixtures moto) throws Exception {
        LiveWorld world = new LiveWorld(server, moto, dir);
        world.run(Action.APPLY);
        String name = world.scpNames().get(0);
        String id = world.scpId(name);
        // Tamper: the first statement now denies one action instead of the whole service.
        ObjectMapper json = new ObjectMapper();
        ObjectNode policy = (ObjectNode) json.readTree(moto.policyContent(id));
        ((ObjectNode) policy.get("Statement").get(0)).put("Action", "aws-external-anthropic:CreateInference");
        moto.organizations().updatePolicy(r -> r.policyId(id).content(policy.toString()));
        // An account in an OU that no baseline SCP reaches.
        String experiments = moto.createOu(world.org.rootId(), "Experiments");
        String uncovered = moto.createAccount("experiments-ml", experiments);

        EngineResult verify = world.run(Action.VERIFY);
        assertThat(verify.compliant()).isFalse();

        try (HeadlessChromium browser = HeadlessChromium.startOrSkip(); CspServer http = new CspServer(dir.resolve("reports"))) {
            HeadlessChromium.Page page = browser.load(http.url("report.html"), 2600);
            assertThat(page.problems()).as("console and CSP messages").isEmpty();
            assertThat(page.visibleText()).startsWith("FAIL").contains("scp-content:" + name)
                    .contains("aws-external-anthropic:CreateInference").contains(uncovered).contains("Experiments");
            for (CheckResult c : verify.checks()) {
                if (c.status() == CheckStatus.FAIL) {
                    assertThat(page.visibleText()).contains(c.message());
                }
            }
            Path shot = Path.of("target", "report-screenshots", "example-verify.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, page.screenshot());
            if (Boolean.getBoolean("screenshot.update")) {
                Files.createDirectories(DOCS_IMAGE.getParent());
                Files.copy(shot, DOCS_IMAGE, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}

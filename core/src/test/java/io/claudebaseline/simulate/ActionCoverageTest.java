package io.claudebaseline.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.config.ConfigLoader;
import io.claudebaseline.engine.BaselineEngine;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.render.BaselineBuilder;
import io.claudebaseline.render.Templates;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionCoverageTest {

    private static Baseline example() throws Exception {
        return BaselineBuilder.build(ConfigLoader.load(SimulatorBaselineTest.EXAMPLE), Templates.bundled());
    }

    @Test
    void theTenActionsWithoutAWorkspaceAndWhatCoversThemComeFromTheReferenceAndTheRenderedStatements() throws Exception {
        List<ActionCoverage.Entry> entries = ActionCoverage.of(example());
        assertThat(entries).hasSize(10);
        Map<String, List<String>> byAction = new java.util.LinkedHashMap<>();
        entries.forEach(e -> byAction.put(e.action(), e.controls()));
        assertThat(byAction.get("aws-external-anthropic:CallWithBearerToken")).containsExactly("deny-long-term-key-use");
        assertThat(byAction.get("aws-external-anthropic:CreateWorkspace")).isEmpty();
        assertThat(byAction.get("aws-external-anthropic:GetAccountStatus")).isEmpty();
        String statement = ActionCoverage.statement(entries);
        assertThat(statement).startsWith("The workspace deny cannot reach 10 aws-external-anthropic actions")
                .contains("CallWithBearerToken → deny-long-term-key-use;")
                .contains("AssumeConsole, CreateWorkspace, DisableKey, GetAccountStatus, GetKey, ListKeys, ListWorkspaces, RegisterKey, UpdateKey → not covered.");
    }

    @Test
    void withoutTheKeyUseControlNothingCoversBearerTokenCalls() throws Exception {
        String yaml = SimulatorTest.CONFIG + "controls:\n  denyLongTermKeyUse: false\n";
        Baseline b = BaselineBuilder.build(ConfigLoader.parse(yaml, false, "test"), Templates.bundled());
        assertThat(ActionCoverage.of(b)).allSatisfy(e -> assertThat(e.controls()).isEmpty());
    }

    @Test
    void docsStateTheCoverageDerivedForTheExample() throws Exception {
        String docs = Files.readString(SimulatorBaselineTest.locate("docs/controls.md"));
        assertThat(docs).contains(ActionCoverage.statement(ActionCoverage.of(example())));
    }

    @Test
    void simulateSummarisesPerControlAndActionGroupAndStatesTheCoverage() throws Exception {
        EngineResult r = new BaselineEngine().run(EngineRequest.builder(Action.SIMULATE, SimulatorBaselineTest.EXAMPLE).build(), line -> { });
        assertThat(r.summary()).contains("protect-workspaces: ").contains(" — List ").contains("; Tagging ").contains("; Write ")
                .contains("deny-long-term-key-use: 3/3 passed")
                .contains("The workspace deny cannot reach 10 aws-external-anthropic actions");
        assertThat(r.details()).containsKey("actionsOutsideWorkspaceDeny");
        List<String> lines = CheckSummary.lines(r.checks());
        long protect = r.checks().stream().filter(c -> c.control().equals("protect-workspaces")).count();
        assertThat(lines.get(0)).startsWith("protect-workspaces: " + protect + "/" + protect + " passed — ");
    }
}

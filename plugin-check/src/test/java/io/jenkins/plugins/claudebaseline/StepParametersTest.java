package io.jenkins.plugins.claudebaseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claudebaseline.engine.api.Action;
import org.junit.jupiter.api.Test;

class StepParametersTest {

    static StepParameters params(String action) {
        return new StepParameters(action, null, null, null, null, null, null, null, null, null, null, false, false, null, null, null, false, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void defaultsToVerifyingClaudeBaselineYaml() {
        StepParameters p = new StepParameters(null, " ", null, "", null, null, null, null, null, null, null, false, false, "  ", null, null, false, null, null, null, null, null, null, null, null, null);
        assertThat(p.parsedAction()).isEqualTo(Action.VERIFY);
        assertThat(p.config()).isEqualTo("claude-baseline.yaml");
        assertThat(p.reportDir()).isNull();
        assertThat(p.effectiveReportDir()).isEqualTo("claude-baseline-report");
        assertThat(p.parsedOnDrift()).isNull();
        assertThat(p.effectiveOutputDir()).isNull();
        assertThat(p.problems()).isEmpty();
    }

    @Test
    void renderAndApplyWriteWhereTheClisDoUnlessToldOtherwise() {
        assertThat(params("render").effectiveOutputDir()).isEqualTo("baseline");
        assertThat(new StepParameters("render", null, "out/scps", null, null, null, null, null, null, null, null, false, false, null, null, null, false, null, null, null, null, null, null, null, null, null)
                .effectiveOutputDir()).isEqualTo("out/scps");
        assertThat(params("plan").effectiveOutputDir()).isNull();
        assertThat(params("verify").effectiveOutputDir()).isNull();
        // apply always keeps a pre-change snapshot: in the workspace, never in the controller's working directory.
        assertThat(params("Apply").effectiveOutputDir()).isEqualTo("claude-baseline-apply");
        // destroy too: what it removed is in its snapshot.
        assertThat(params("destroy").effectiveOutputDir()).isEqualTo("claude-baseline-destroy");
        assertThat(params("destroy").parsedAction()).isEqualTo(io.claudebaseline.engine.api.Action.DESTROY);
        assertThat(DriftPolicy.effective(io.claudebaseline.engine.api.Action.DESTROY, null))
                .as("pending removals report, like plan and apply").isEqualTo(DriftPolicy.IGNORE);
    }

    @Test
    void verifyReportsGoWhereTheClisDoUnlessToldOtherwise() {
        assertThat(params("verify").effectiveReportDir()).isEqualTo("claude-baseline-report");
        assertThat(new StepParameters("verify", null, null, "reports", null, null, null, null, null, null, null, false, false, null, null, null, false, null, null, null, null, null, null, null, null, null)
                .effectiveReportDir()).isEqualTo("reports");
        assertThat(params("simulate").effectiveReportDir()).isNull();
        assertThat(params("render").effectiveReportDir()).isNull();
    }

    @Test
    void actionsAreCaseInsensitiveAndTrimmed() {
        assertThat(params(" Apply ").parsedAction()).isEqualTo(Action.APPLY);
    }

    @Test
    void everyProblemNamesTheParameterAndIsReportedAtOnce() {
        StepParameters p = new StepParameters("deploy", null, "/etc/baseline", "../reports", null, null, null, null,
                "ext-1", null, "ftp://localhost", false, false, "explode", null, null, false, null, null, null, null, null, null, null, null, null);
        assertThat(p.problems()).containsExactly(
                "action 'deploy' is not one of: validate, render, simulate, plan, apply, verify, usage, destroy",
                "onDrift 'explode' is not one of: fail, unstable, ignore",
                "outputDir '/etc/baseline' must be a relative path inside the workspace, e.g. 'baseline'",
                "reportDir '../reports' must be a relative path inside the workspace, e.g. 'reports'",
                "externalId is only used when assuming a role: set roleArn as well, or remove it",
                "endpointUrl 'ftp://localhost' must be an http:// or https:// URL with a host, e.g. http://127.0.0.1:5000");
        assertThatThrownBy(p::check).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("claudeBaseline: invalid arguments:")
                .hasMessageContaining("action 'deploy'").hasMessageContaining("onDrift 'explode'");
    }

    @Test
    void windowsStylePathsOutsideTheWorkspaceAreRejectedToo() {
        StepParameters p = new StepParameters("render", null, "C:\\baseline", "reports\\..\\..\\x", null, null, null,
                null, null, null, null, false, false, null, null, null, false, null, null, null, null, null, null, null, null, null);
        assertThat(p.problems()).hasSize(2);
    }

    @Test
    void outputAndReportDirMustDiffer() {
        StepParameters p = new StepParameters("verify", null, "out", "out", null, null, null, null, null, null, null, false, false, null, null, null, false, null, null, null, null, null, null, null, null, null);
        assertThat(p.problems()).containsExactly("outputDir and reportDir are both 'out': give them different directories");
    }

    @Test
    void nestedRelativeDirectoriesAreFine() {
        StepParameters p = new StepParameters("verify", "cfg/prod.yaml", "build/baseline", "build/reports", "ci/templates",
                "eu-west-1", "aws-admin", "arn:aws:iam::111122223333:role/audit", "ext", null, "http://127.0.0.1:5000", false, false,
                "unstable", "111122223333", null, false, null, null, null, null, null, null, null, null, null);
        assertThat(p.problems()).isEmpty();
        assertThat(p.parsedOnDrift()).isEqualTo(DriftPolicy.UNSTABLE);
    }

    @Test
    void configAndTemplatesDirFollowTheSamePathRulesAsTheOutputs() {
        StepParameters p = new StepParameters("render", "/var/jenkins_home/secrets/x.yaml", null, null, "..", null, null, null,
                null, null, null, false, false, null, null, null, false, null, null, null, null, null, null, null, null, null);
        assertThat(p.problems()).containsExactly(
                "config '/var/jenkins_home/secrets/x.yaml' must be a relative path inside the workspace, e.g. 'claude-baseline.yaml'",
                "templatesDir '..' must be a relative path inside the workspace, e.g. 'templates'");
    }

    @Test
    void theExternalIdIsGivenOneWayOnlyAndNeverShown() {
        StepParameters p = new StepParameters("verify", null, null, null, null, null, null, "arn:aws:iam::111122223333:role/a",
                "ext-plain", "ext-cred", null, false, false, null, null, null, false, null, null, null, null, null, null, null, null, null);
        assertThat(p.problems()).containsExactly("externalId and externalIdCredentialsId are both set: give the external id one way only");
        assertThat(p.toString()).doesNotContain("ext-plain").contains("externalId=****").contains("externalIdCredentialsId=ext-cred");
    }

    @Test
    void plainHttpEndpointsFollowCoresRule() {
        StepParameters loopback = new StepParameters("verify", null, null, null, null, null, null, null, null, null,
                "http://127.0.0.1:5000", false, false, null, null, null, false, null, null, null, null, null, null, null, null, null);
        assertThat(loopback.problems()).isEmpty();
        StepParameters remote = new StepParameters("verify", null, null, null, null, null, null, null, null, null,
                "http://10.1.2.3:5000", false, false, null, null, null, false, null, null, null, null, null, null, null, null, null);
        assertThat(remote.problems()).singleElement().asString().startsWith("endpointUrl 'http://10.1.2.3:5000' is plain http://");
        StepParameters allowed = new StepParameters("verify", null, null, null, null, null, null, null, null, null,
                "http://10.1.2.3:5000", true, false, null, null, null, false, null, null, null, null, null, null, null, null, null);
        assertThat(allowed.problems()).isEmpty();
    }
}

package io.jenkins.plugins.claudebaseline;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import io.claudebaseline.engine.api.Action;
import java.beans.Introspector;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** The step as Pipeline and the Snippet Generator see it: its name, context, data binding and form. */
class ClaudeBaselineStepDescriptorTest {

    final ClaudeBaselineStep.DescriptorImpl descriptor = new ClaudeBaselineStep.DescriptorImpl();

    static List<String> boundFields() {
        return Arrays.stream(ClaudeBaselineStep.class.getMethods())
                .filter(m -> m.isAnnotationPresent(DataBoundSetter.class))
                .map(m -> Introspector.decapitalize(m.getName().substring(3)))
                .sorted().toList();
    }

    static Path stepResources() {
        return Path.of(System.getProperty("claudebaseline.pluginResources"))
                .resolve("io/jenkins/plugins/claudebaseline/ClaudeBaselineStep");
    }

    @Test
    void isTheClaudeBaselineStepAndNeedsAWorkspace() {
        assertThat(descriptor.getFunctionName()).isEqualTo("claudeBaseline").matches("[a-z][A-Za-z0-9_]*");
        assertThat(new java.util.HashSet<Class<?>>(descriptor.getRequiredContext())).containsExactlyInAnyOrder(TaskListener.class, EnvVars.class, Run.class, FilePath.class);
        assertThat(descriptor.takesImplicitBlockArgument()).isFalse();
        assertThat(descriptor.getDisplayName()).startsWith("Claude Platform security baseline");
        assertThat(descriptor.argumentsToString(Map.of("action", "apply", "config", "prod.yaml", "credentialsId", "aws-admin")))
                .isEqualTo("apply prod.yaml");
        // The external id never shows in the step's description, even when it is the only argument.
        assertThat(descriptor.argumentsToString(Map.of("externalId", "ext-1234567890"))).isEqualTo("verify").doesNotContain("ext-");
        assertThat(descriptor.argumentsToString(Map.of("roleArn", "arn:aws:iam::111122223333:role/a", "externalId", "e-1")))
                .doesNotContain("e-1");
    }

    @Test
    void everyCliOptionIsAnOptionalDataBoundArgument() throws Exception {
        assertThat(ClaudeBaselineStep.class.getConstructor().isAnnotationPresent(DataBoundConstructor.class)).isTrue();
        assertThat(boundFields()).containsExactly("account", "action", "allowInsecureEndpoint", "athenaTable", "config",
                "credentialsId", "deniedAttempts", "deniedAttemptsLevel", "dryRun", "emitSql", "endpointUrl", "externalId",
                "externalIdCredentialsId", "from", "fromResults", "ignoreExceptions", "onDrift", "outputDir", "region", "reportDir",
                "require", "roleArn", "since", "source", "templatesDir", "to");
        // Every setter has a public getter, so the Snippet Generator can round-trip a configured step.
        for (String field : boundFields()) {
            String suffix = Character.toUpperCase(field.charAt(0)) + field.substring(1);
            Method getter = ClaudeBaselineStep.class.getMethod("isDryRun").getReturnType() == boolean.class
                    && (field.equals("dryRun") || field.equals("allowInsecureEndpoint") || field.equals("ignoreExceptions")) ? ClaudeBaselineStep.class.getMethod("is" + suffix)
                    : ClaudeBaselineStep.class.getMethod("get" + suffix);
            assertThat(getter).as(field).isNotNull();
        }
    }

    @Test
    void defaultsAreTheDocumentedOnesAndBlankMeansDefault() {
        ClaudeBaselineStep s = new ClaudeBaselineStep();
        assertThat(s.getAction()).isEqualTo("verify");
        assertThat(s.getConfig()).isEqualTo("claude-baseline.yaml");
        assertThat(s.isDryRun()).isFalse();
        s.setAction("");
        s.setConfig(" ");
        s.setOnDrift("");
        s.setCredentialsId("  ");
        assertThat(s.getAction()).isEqualTo("verify");
        assertThat(s.getConfig()).isEqualTo("claude-baseline.yaml");
        assertThat(s.getOnDrift()).isNull();
        assertThat(s.getCredentialsId()).isNull();
    }

    @Test
    void theSnippetGeneratorFormHasAFieldAndAHelpFileForEveryArgument() throws Exception {
        String jelly = Files.readString(stepResources().resolve("config.jelly"));
        for (String field : boundFields()) {
            assertThat(jelly).as("config.jelly field " + field).contains("field=\"" + field + "\"");
            Path help = stepResources().resolve("help-" + field + ".html");
            assertThat(help).as("help for " + field).exists();
            assertThat(Files.readString(help).strip()).startsWith("<div>").endsWith("</div>");
        }
        assertThat(stepResources().resolve("help.html")).exists();
        assertThat(stepResources().getParent().getParent().getParent().getParent().getParent().resolve("index.jelly")).exists();
    }

    @Test
    void dropDownValuesAreAcceptedByTheStep() {
        ListBoxModel actions = descriptor.doFillActionItems();
        assertThat(actions).extracting(o -> Action.parse(o.value)).containsExactlyInAnyOrder(Action.values());
        ListBoxModel drift = descriptor.doFillOnDriftItems();
        assertThat(drift).extracting(o -> o.value).containsExactly("", "fail", "unstable", "ignore");
        assertThat(drift).extracting(o -> DriftPolicy.parse(o.value)).containsExactly(null, DriftPolicy.FAIL, DriftPolicy.UNSTABLE, DriftPolicy.IGNORE);
    }
}

package io.jenkins.plugins.claudebaseline;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import io.jenkins.plugins.claudebaseline.CredentialsField.Verdict;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

class CredentialsFieldTest {

    @Test
    void onlyThoseWhoCanChooseSeeTheList() {
        assertThat(CredentialsField.mayList(true, true, false, false)).isTrue();
        assertThat(CredentialsField.mayList(true, false, true, true)).as("outside a job only an administrator").isFalse();
        assertThat(CredentialsField.mayList(false, false, true, false)).isTrue();
        assertThat(CredentialsField.mayList(false, false, false, true)).isTrue();
        assertThat(CredentialsField.mayList(false, true, false, false)).as("on a job the job's permissions decide").isFalse();
    }

    @Test
    void theCheckNamesAMissingOrWrongKindCredential() {
        assertThat(CredentialsField.check("credentialsId", "", false, false, "AWS Credentials").verdict()).isEqualTo(Verdict.OK);
        assertThat(CredentialsField.check("credentialsId", "aws-admin", true, true, "AWS Credentials").verdict()).isEqualTo(Verdict.OK);
        CredentialsField.Check missing = CredentialsField.check("credentialsId", "aws-admn", false, false, "AWS Credentials");
        assertThat(missing.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(missing.message()).contains("no credential 'aws-admn'").contains("'AWS Credentials'");
        CredentialsField.Check wrongKind = CredentialsField.check("credentialsId", "github-token", false, true, "AWS Credentials");
        assertThat(wrongKind.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(wrongKind.message()).isEqualTo("'github-token' is a credential of another kind: credentialsId needs an 'AWS Credentials' credential");
        assertThat(CredentialsField.check("credentialsId", "${AWS_CRED}", false, false, "AWS Credentials").verdict()).isEqualTo(Verdict.WARNING);
    }

    @Test
    void everyFormMethodIsPostOnlyAndTakesTheItemFromTheUrl() throws Exception {
        int seen = 0;
        for (Method m : ClaudeBaselineStep.DescriptorImpl.class.getDeclaredMethods()) {
            boolean credentialForm = m.getName().matches("do(Fill|Check)(Credentials|ExternalIdCredentials)Id(Items)?");
            if (!credentialForm) {
                continue;
            }
            seen++;
            assertThat(m.isAnnotationPresent(POST.class)).as(m.getName() + " is @POST (CSRF-protected)").isTrue();
            Parameter[] p = m.getParameters();
            assertThat(p[0].getType()).isEqualTo(Item.class);
            assertThat(p[0].isAnnotationPresent(AncestorInPath.class)).as(m.getName()).isTrue();
            assertThat(p[1].isAnnotationPresent(QueryParameter.class)).as(m.getName()).isTrue();
        }
        assertThat(seen).isEqualTo(4);
    }
}

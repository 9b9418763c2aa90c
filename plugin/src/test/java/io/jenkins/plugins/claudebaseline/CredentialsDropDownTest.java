package io.jenkins.plugins.claudebaseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import hudson.util.Secret;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The credentialsId drop-down and form check in a real Jenkins, with the permissions the consumer guide names. */
@WithJenkins
class CredentialsDropDownTest {

    private JenkinsRule j;
    private WorkflowJob job;
    private ClaudeBaselineStep.DescriptorImpl descriptor;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        SystemCredentialsProvider.getInstance().getCredentials().add(
                new AWSCredentialsImpl(CredentialsScope.GLOBAL, "aws-admin", "AKIAEXAMPLE", "secret", "AWS admin"));
        SystemCredentialsProvider.getInstance().getCredentials().add(
                new StringCredentialsImpl(CredentialsScope.GLOBAL, "some-token", "a token", Secret.fromString("t")));
        SystemCredentialsProvider.getInstance().save();
        job = j.createProject(WorkflowJob.class, "p");
        descriptor = j.jenkins.getDescriptorByType(ClaudeBaselineStep.DescriptorImpl.class);
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ, Item.EXTENDED_READ).everywhere().to("configurer")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader"));
    }

    private ListBoxModel itemsAs(String user) {
        try (ACLContext ignored = ACL.as2(User2.of(user))) {
            return descriptor.doFillCredentialsIdItems(job, "");
        }
    }

    @Test
    void usersWhoMayConfigureTheJobSeeItsAwsCredentialsOnly() {
        ListBoxModel items = itemsAs("configurer");
        assertTrue(items.stream().anyMatch(o -> o.value.equals("aws-admin")), items.toString());
        assertTrue(items.stream().noneMatch(o -> o.value.equals("some-token")), "only AWS credentials: " + items);
    }

    @Test
    void readersSeeNothingButTheCurrentValue() {
        try (ACLContext ignored = ACL.as2(User2.of("reader"))) {
            ListBoxModel items = descriptor.doFillCredentialsIdItems(job, "aws-admin");
            assertEquals(1, items.size());
            assertEquals("aws-admin", items.get(0).value);
        }
    }

    @Test
    void theFormCheckNamesAMissingOrWrongKindCredential() {
        try (ACLContext ignored = ACL.as2(User2.of("configurer"))) {
            assertEquals(FormValidation.Kind.OK, descriptor.doCheckCredentialsId(job, "aws-admin").kind);
            FormValidation missing = descriptor.doCheckCredentialsId(job, "nope");
            assertEquals(FormValidation.Kind.ERROR, missing.kind);
            assertTrue(missing.getMessage().contains("no credential") && missing.getMessage().contains("nope"), missing.getMessage());
            FormValidation wrongKind = descriptor.doCheckCredentialsId(job, "some-token");
            assertEquals(FormValidation.Kind.ERROR, wrongKind.kind);
            assertTrue(wrongKind.getMessage().contains("another kind"), wrongKind.getMessage());
        }
    }

    /** The authentication of a dummy-realm user. */
    private static final class User2 {
        static org.springframework.security.core.Authentication of(String id) {
            return hudson.model.User.getById(id, true).impersonate2();
        }
    }
}

package io.claudebaseline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.facts.AwsFacts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.iam.model.ServiceSpecificCredentialMetadata;
import software.amazon.awssdk.services.iam.model.StatusType;

/** The harness itself: moto starts, fixtures build a world, the launcher's IAM handlers work, reset wipes. */
@ExtendWith(MotoServer.class)
class MotoServerTest {

    @Test
    void buildsAnOrganisationWithOusAccountsAndATrail(MotoFixtures moto) {
        MotoFixtures.Org org = moto.createOrganization();
        assertThat(org.rootId()).startsWith("r-");
        assertThat(org.managementAccountId()).isEqualTo(MotoServer.DEFAULT_ACCOUNT_ID);
        String ou = moto.createOu(org.rootId(), "Workloads");
        String account = moto.createAccount("prod", ou);
        assertThat(account).matches("\\d{12}");
        assertThat(moto.organizations().listAccountsForParent(r -> r.parentId(ou)).accounts())
                .extracting(a -> a.id()).containsExactly(account);

        moto.createTrail("org-trail", "us-east-1", true, true);
        assertThat(moto.isLogging("org-trail", "us-east-1")).isTrue();
        AdvancedEventSelector foreign = AdvancedEventSelector.builder().name("someone-else")
                .fieldSelectors(AdvancedFieldSelector.builder().field("eventCategory").equalsValue("Management").build()).build();
        moto.putAdvancedSelectors("org-trail", "us-east-1", List.of(foreign));
        assertThat(moto.advancedSelectors("org-trail", "us-east-1")).containsExactly(foreign);

        String scp = moto.createForeignScp("claude-baseline-1", "{\"Version\":\"2012-10-17\",\"Statement\":[]}", Map.of(), ou);
        // like AWS, moto attaches FullAWSAccess to every new OU
        assertThat(moto.scpIdsAttachedTo(ou)).containsExactlyInAnyOrder(AwsFacts.FULL_AWS_ACCESS_POLICY_ID, scp);
    }

    @Test
    void launcherAddsServiceSpecificCredentialsWithoutSecretsInListings(MotoFixtures moto) {
        moto.createUser("AeaApiKey-1a2b", "/");
        String claudeKey = moto.createServiceSpecificCredential("AeaApiKey-1a2b", AwsFacts.SERVICE_NAME);
        moto.createServiceSpecificCredential("AeaApiKey-1a2b", "codecommit.amazonaws.com");

        List<ServiceSpecificCredentialMetadata> listed = moto.iam().listServiceSpecificCredentials(
                r -> r.serviceName(AwsFacts.SERVICE_NAME).allUsers(true)).serviceSpecificCredentials();
        assertThat(listed).singleElement().satisfies(c -> {
            assertThat(c.serviceSpecificCredentialId()).isEqualTo(claudeKey);
            assertThat(c.userName()).isEqualTo("AeaApiKey-1a2b");
            assertThat(c.status()).isEqualTo(StatusType.ACTIVE);
            assertThat(c.createDate()).isNotNull();
        });

        moto.iam().updateServiceSpecificCredential(r -> r.userName("AeaApiKey-1a2b").serviceSpecificCredentialId(claudeKey)
                .status(StatusType.INACTIVE));
        assertThat(moto.iam().listServiceSpecificCredentials(r -> r.userName("AeaApiKey-1a2b")).serviceSpecificCredentials())
                .filteredOn(c -> c.serviceSpecificCredentialId().equals(claudeKey)).singleElement()
                .extracting(ServiceSpecificCredentialMetadata::status).isEqualTo(StatusType.INACTIVE);

        moto.iam().deleteServiceSpecificCredential(r -> r.userName("AeaApiKey-1a2b").serviceSpecificCredentialId(claudeKey));
        assertThat(moto.iam().listServiceSpecificCredentials(r -> r.allUsers(true)).serviceSpecificCredentials()).hasSize(1);
    }

    @Test
    void resetWipesEverythingIncludingCredentials(MotoServer server, MotoFixtures moto) {
        moto.createUser("AeaApiKey-zz", "/");
        moto.createServiceSpecificCredential("AeaApiKey-zz", AwsFacts.SERVICE_NAME);
        server.reset();
        assertThat(moto.iam().listUsers().users()).isEmpty();
        assertThat(moto.iam().listServiceSpecificCredentials(r -> r.allUsers(true)).serviceSpecificCredentials()).isEmpty();
    }
}

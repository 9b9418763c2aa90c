package io.claudebaseline.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.usage.Principal.Kind;
import org.junit.jupiter.api.Test;

class PrincipalNormalizerTest {
    private final PrincipalNormalizer normalizer = new PrincipalNormalizer("AeaApiKey-*");

    private Principal of(String type, String arn, String userName, String issuerType, String issuerArn) {
        return normalizer.normalize(new TrailEvent.Identity(type, arn, "111122223333", userName, issuerType, issuerArn, null));
    }

    @Test
    void aRoleSessionIsItsRoleWithThePathFromTheSessionIssuer() {
        assertThat(of("AssumedRole", "arn:aws:sts::111122223333:assumed-role/app/i-0abc", null, "Role",
                "arn:aws:iam::111122223333:role/service/claude/app"))
                .isEqualTo(new Principal("arn:aws:iam::111122223333:role/service/claude/app", Kind.ROLE));
    }

    @Test
    void anSsoPermissionSetSessionKeepsTheReservedPath() {
        String role = "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_ClaudeUsers_0123456789abcdef";
        assertThat(of("AssumedRole", "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_ClaudeUsers_0123456789abcdef/alice@example.com",
                null, "Role", role).arn()).isEqualTo(role);
    }

    @Test
    void withoutASessionIssuerTheRoleIsRebuiltAndTheSsoPathPutBack() {
        assertThat(of("AssumedRole", "arn:aws:sts::111122223333:assumed-role/claude-prod-app/session-1", null, null, null))
                .isEqualTo(new Principal("arn:aws:iam::111122223333:role/claude-prod-app", Kind.ROLE));
        assertThat(of("AssumedRole", "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Admins_1a2b/bob", null, null, null).arn())
                .isEqualTo("arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admins_1a2b");
        assertThat(of("AssumedRole", "arn:aws-us-gov:sts::111122223333:assumed-role/r/s", null, null, null).arn())
                .isEqualTo("arn:aws-us-gov:iam::111122223333:role/r");
    }

    @Test
    void iamUsersAreUsersAndShadowUsersAreToldApartByTheConfiguredPattern() {
        assertThat(of("IAMUser", "arn:aws:iam::111122223333:user/ci/deployer", "deployer", null, null))
                .isEqualTo(new Principal("arn:aws:iam::111122223333:user/ci/deployer", Kind.USER));
        assertThat(of("IAMUser", "arn:aws:iam::111122223333:user/AeaApiKey-3f9a", "AeaApiKey-3f9a", null, null).kind())
                .isEqualTo(Kind.SHADOW_USER);
        assertThat(of("IAMUser", "arn:aws:iam::111122223333:user/keys/AeaApiKey-7x", null, null, null).kind())
                .as("name taken from the ARN when userName is absent, any path").isEqualTo(Kind.SHADOW_USER);
        assertThat(new PrincipalNormalizer("ClaudeKey-*").normalize(new TrailEvent.Identity("IAMUser",
                "arn:aws:iam::111122223333:user/AeaApiKey-3f9a", null, "AeaApiKey-3f9a", null, null, null)).kind()).isEqualTo(Kind.USER);
    }

    @Test
    void rootFederatedAndServiceCallers() {
        assertThat(of("Root", "arn:aws:iam::111122223333:root", null, null, null).kind()).isEqualTo(Kind.ROOT);
        assertThat(of("FederatedUser", "arn:aws:sts::111122223333:federated-user/carol", null, null, null))
                .isEqualTo(new Principal("arn:aws:sts::111122223333:federated-user/carol", Kind.FEDERATED_USER));
        assertThat(normalizer.normalize(new TrailEvent.Identity("AWSService", null, null, null, null, null, "cloudtrail.amazonaws.com")))
                .isEqualTo(new Principal("cloudtrail.amazonaws.com", Kind.SERVICE));
        assertThat(normalizer.normalize(TrailEvent.Identity.UNKNOWN).kind()).isEqualTo(Kind.UNKNOWN);
    }

    @Test
    void normalisingTwiceChangesNothing() {
        String[][] identities = {
            {"AssumedRole", "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_A_1/x"},
            {"AssumedRole", "arn:aws:iam::111122223333:role/path/app"},
            {"IAMUser", "arn:aws:iam::111122223333:user/AeaApiKey-1"},
            {"Root", "arn:aws:iam::111122223333:root"},
        };
        for (String[] id : identities) {
            Principal once = of(id[0], id[1], null, null, null);
            Principal twice = of(id[0], once.arn(), null, null, null);
            assertThat(twice).as(id[1]).isEqualTo(once);
        }
    }
}

package io.claudebaseline.testing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/**
 * Fixtures for organisations with many accounts and for IAM inside a member account (shadow users and long-term
 * keys live in every member's own IAM). Complements {@link MotoFixtures}; built on the same server.
 */
public final class MemberAccountFixtures {
    private MemberAccountFixtures() {}

    /**
     * An IAM client acting in {@code accountId}: moto picks the account from the {@code x-moto-account-id} header,
     * so no role is involved and the code under test still reaches the same account through STS.
     */
    public static IamClient iamIn(MotoServer server, String accountId) {
        return IamClient.builder()
                .region(Region.AWS_GLOBAL)
                .endpointOverride(URI.create(server.endpoint()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(MotoServer.ACCESS_KEY_ID, MotoServer.SECRET_ACCESS_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .putHeader("x-moto-account-id", accountId)
                        .retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1))
                        .apiCallTimeout(Duration.ofSeconds(60)).build())
                .build();
    }

    /** A generated organisation: OU ids in creation order (parents first) and member account ids per OU. */
    public record GeneratedOrg(MotoFixtures.Org org, List<String> ous, List<String> accounts) {}

    /**
     * Creates {@code ouCount} OUs — half directly under the root, the rest nested one level under those — and
     * {@code accountCount} member accounts spread round-robin over the root and the OUs.
     */
    public static GeneratedOrg generate(MotoFixtures moto, int ouCount, int accountCount) {
        MotoFixtures.Org org = moto.createOrganization();
        OrganizationsClient organizations = moto.organizations();
        List<String> ous = new ArrayList<>();
        int topLevel = Math.max(1, (ouCount + 1) / 2);
        for (int i = 0; i < ouCount; i++) {
            String parent = i < topLevel ? org.rootId() : ous.get(i % topLevel);
            String name = "ou-" + i;
            ous.add(organizations.createOrganizationalUnit(r -> r.parentId(parent).name(name)).organizationalUnit().id());
        }
        List<String> parents = new ArrayList<>();
        parents.add(org.rootId());
        parents.addAll(ous);
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < accountCount; i++) {
            String parent = parents.get(i % parents.size());
            String name = "acct-" + i;
            String id = organizations.createAccount(r -> r.accountName(name).email(name + "@example.com"))
                    .createAccountStatus().accountId();
            if (id == null) {
                throw new IllegalStateException("moto did not return the new account's id synchronously");
            }
            if (!parent.equals(org.rootId())) {
                organizations.moveAccount(r -> r.accountId(id).sourceParentId(org.rootId()).destinationParentId(parent));
            }
            accounts.add(id);
        }
        return new GeneratedOrg(org, ous, accounts);
    }
}

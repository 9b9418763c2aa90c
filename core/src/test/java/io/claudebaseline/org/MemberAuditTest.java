package io.claudebaseline.org;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.aws.AwsClientSettings;
import io.claudebaseline.aws.AwsClients;
import io.claudebaseline.facts.AwsFacts;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.testing.MemberAccountFixtures;
import io.claudebaseline.testing.MotoFixtures;
import io.claudebaseline.testing.MotoServer;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.iam.IamClient;

/** The member-account key audit against moto, through the production client factory and STS. */
@ExtendWith(MotoServer.class)
class MemberAuditTest {

    static final String AUDIT_ON = "targets: [ROOT]\naudit:\n  memberAccounts: true\n  concurrency: 2\n";

    @Test
    void findsShadowUsersAndKeysInMemberAccountsAndWarnsForOneWhoseRoleIsMissing(MotoServer server, MotoFixtures moto) {
        MemberAccountFixtures.GeneratedOrg g = MemberAccountFixtures.generate(moto, 2, 4);
        String withKey = g.accounts().get(0);
        String roleMissing = g.accounts().get(1);
        try (IamClient memberIam = MemberAccountFixtures.iamIn(server, withKey)) {
            memberIam.createUser(r -> r.userName("AeaApiKey-x1y2").path("/"));
            memberIam.createServiceSpecificCredential(r -> r.userName("AeaApiKey-x1y2").serviceName(AwsFacts.SERVICE_NAME));
        }
        // A shadow user in the management account is the management account's own audit's business, not this one's.
        moto.createUser("AeaApiKey-mgmt", "/");

        Baseline baseline = OrgTestSupport.baseline(OrgTestSupport.config(AUDIT_ON), "cb-1");
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        AwsClientSettings denyOne = AwsClientSettings.forTests()
                .withHttpClientDecorator(http -> new DenyAssumeRole(http, roleMissing));
        OrganizationAudit.Result result;
        try (AwsClients aws = OrgTestSupport.clients(server, denyOne)) {
            result = OrganizationAudit.run(baseline, Map.of("cb-1", Set.of(g.org().rootId())), aws, null, progress::add);
            // one AssumeRole per member account, whatever happened in it
            assertThat(aws.callStats().calls("sts:AssumeRole")).isEqualTo(4);
        }

        CheckResult finding = check(result, "member-keys:" + withKey);
        assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(finding.message()).contains("1 active long-term Claude key", "1 shadow user");
        assertThat(finding.evidence().toString()).contains("AeaApiKey-x1y2");

        CheckResult missing = check(result, "member-audit:" + roleMissing);
        assertThat(missing.status()).isEqualTo(CheckStatus.WARN);
        assertThat(missing.message()).contains(roleMissing).containsIgnoringCase("AssumeRole");

        // the other two member accounts were audited and are clean; the management account is not a member
        assertThat(result.checks()).extracting(CheckResult::check)
                .noneMatch(c -> c.equals("member-keys:" + g.accounts().get(2)) || c.equals("member-keys:" + g.org().managementAccountId()));
        @SuppressWarnings("unchecked")
        Map<String, Object> audit = (Map<String, Object>) result.details().get("memberAudit");
        assertThat(audit).containsEntry("accounts", 4).containsEntry("audited", 3L).containsEntry("failed", 1L);
        assertThat(progress).contains("audited 4/4 accounts");
        assertThat(String.join("\n", progress)).doesNotContain(MotoServer.SECRET_ACCESS_KEY);
    }

    @Test
    void keyFindingsCanBeDowngradedToWarnAndInactiveKeysAreNotFindings(MotoServer server, MotoFixtures moto) {
        MemberAccountFixtures.GeneratedOrg g = MemberAccountFixtures.generate(moto, 1, 2);
        String member = g.accounts().get(0);
        try (IamClient memberIam = MemberAccountFixtures.iamIn(server, member)) {
            memberIam.createUser(r -> r.userName("builder").path("/"));
            String key = memberIam.createServiceSpecificCredential(r -> r.userName("builder").serviceName(AwsFacts.SERVICE_NAME))
                    .serviceSpecificCredential().serviceSpecificCredentialId();
            memberIam.createServiceSpecificCredential(r -> r.userName("builder").serviceName("codecommit.amazonaws.com"));
            memberIam.createUser(r -> r.userName("other").path("/"));
            String active = memberIam.createServiceSpecificCredential(r -> r.userName("other").serviceName(AwsFacts.SERVICE_NAME))
                    .serviceSpecificCredential().serviceSpecificCredentialId();
            memberIam.updateServiceSpecificCredential(r -> r.userName("builder").serviceSpecificCredentialId(key).status("Inactive"));
            assertThat(active).isNotBlank();
        }
        Baseline baseline = OrgTestSupport.baseline(OrgTestSupport.config(AUDIT_ON + "  keyFindings: warn\n"), "cb-1");
        try (AwsClients aws = OrgTestSupport.clients(server)) {
            OrganizationAudit.Result result = OrganizationAudit.run(baseline, Map.of("cb-1", Set.of(g.org().rootId())), aws,
                    null, line -> { });
            CheckResult finding = check(result, "member-keys:" + member);
            assertThat(finding.status()).isEqualTo(CheckStatus.WARN);
            // one active Claude key (the inactive one and the CodeCommit one are not findings), no shadow user
            assertThat(finding.message()).contains("1 active long-term Claude key", "0 shadow users");
        }
    }

    @Test
    void aKeyThatExpiresWithinMaxAgeDaysIsAllowedAndOnlyLongerLivedOrNeverExpiringKeysAreFindings(MotoServer server,
                                                                                               MotoFixtures moto) {
        MemberAccountFixtures.GeneratedOrg g = MemberAccountFixtures.generate(moto, 1, 3);
        String allowedOnly = g.accounts().get(0);
        String mixed = g.accounts().get(1);
        Map<String, Integer> expiresInDays = new java.util.HashMap<>();
        try (IamClient iam = MemberAccountFixtures.iamIn(server, allowedOnly)) {
            iam.createUser(r -> r.userName("ci").path("/"));
            expiresInDays.put(claudeKey(iam, "ci"), 7);
        }
        String tooLong;
        String never;
        try (IamClient iam = MemberAccountFixtures.iamIn(server, mixed)) {
            // IAM allows two keys per user and service, as moto enforces
            iam.createUser(r -> r.userName("ci").path("/"));
            iam.createUser(r -> r.userName("ops").path("/"));
            expiresInDays.put(claudeKey(iam, "ci"), 30);
            tooLong = claudeKey(iam, "ci");
            expiresInDays.put(tooLong, 90);
            never = claudeKey(iam, "ops");
        }
        Baseline baseline = OrgTestSupport.baseline(OrgTestSupport.config(AUDIT_ON
                + "controls:\n  denyLongTermKeyCreation: {maxAgeDays: 30}\n"), "cb-1");
        AwsClientSettings withExpiry = AwsClientSettings.forTests().withHttpClientDecorator(http -> new KeyExpiry(http, expiresInDays));
        OrganizationAudit.Result result;
        try (AwsClients aws = OrgTestSupport.clients(server, withExpiry)) {
            result = OrganizationAudit.run(baseline, Map.of("cb-1", Set.of(g.org().rootId())), aws, null, line -> { });
        }

        // 7 days <= 30: a key the baseline lets be created is no finding
        assertThat(result.checks()).extracting(CheckResult::check).doesNotContain("member-keys:" + allowedOnly);
        CheckResult finding = check(result, "member-keys:" + mixed);
        assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(finding.message()).contains("2 active long-term Claude keys beyond maxAgeDays = 30");
        assertThat(finding.evidence().get("activeKeys").toString()).contains(tooLong, never);
        assertThat(finding.evidence().get("keysWithinMaxAgeDays").toString()).doesNotContain(tooLong, never);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) ((Map<String, Object>) result.details().get("memberAudit"))
                .get("findings");
        assertThat(rows).filteredOn(r -> Boolean.FALSE.equals(r.get("finding"))).hasSize(2)
                .allSatisfy(r -> assertThat(r).containsEntry("withinMaxAgeDays", 30));
        assertThat(rows).filteredOn(r -> Boolean.TRUE.equals(r.get("finding"))).extracting(r -> r.get("keyId"))
                .containsExactlyInAnyOrder(tooLong, never);
    }

    private static String claudeKey(IamClient iam, String user) {
        return iam.createServiceSpecificCredential(r -> r.userName(user).serviceName(AwsFacts.SERVICE_NAME))
                .serviceSpecificCredential().serviceSpecificCredentialId();
    }

    @Test
    void memberAuditIsOffByDefault(MotoServer server, MotoFixtures moto) {
        MemberAccountFixtures.GeneratedOrg g = MemberAccountFixtures.generate(moto, 1, 2);
        Baseline baseline = OrgTestSupport.baseline(OrgTestSupport.config("targets: [ROOT]\n"), "cb-1");
        try (AwsClients aws = OrgTestSupport.clients(server)) {
            OrganizationAudit.Result result = OrganizationAudit.run(baseline, Map.of("cb-1", Set.of(g.org().rootId())), aws,
                    null, line -> { });
            assertThat(aws.callStats().calls("sts:AssumeRole")).isZero();
            assertThat(result.checks()).extracting(CheckResult::check).noneMatch(c -> c.startsWith("member-"));
            assertThat(result.details()).doesNotContainKey("memberAudit");
        }
    }

    static CheckResult check(OrganizationAudit.Result result, String name) {
        return result.checks().stream().filter(c -> c.check().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + result.checks().stream().map(CheckResult::check).toList()));
    }

    /**
     * Adds AWS's ExpirationDate to listed keys, as IAM does for a key created with CredentialAgeDays (moto 5 ignores
     * that parameter and never sends the field): the key's id to the days from now it expires.
     */
    static final class KeyExpiry implements SdkHttpClient {
        private final SdkHttpClient delegate;
        private final Map<String, Integer> expiresInDays;

        KeyExpiry(SdkHttpClient delegate, Map<String, Integer> expiresInDays) {
            this.delegate = delegate;
            this.expiresInDays = expiresInDays;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            ExecutableHttpRequest real = delegate.prepareRequest(request);
            if (!formBody(request).contains("Action=ListServiceSpecificCredentials")) {
                return real;
            }
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    HttpExecuteResponse response = real.call();
                    String xml;
                    try (InputStream in = response.responseBody().orElseThrow()) {
                        xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                    for (Map.Entry<String, Integer> e : expiresInDays.entrySet()) {
                        String id = "<ServiceSpecificCredentialId>" + e.getKey() + "</ServiceSpecificCredentialId>";
                        xml = xml.replace(id, id + "<ExpirationDate>" + java.time.Instant.now().plus(java.time.Duration.ofDays(e.getValue()))
                                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "</ExpirationDate>");
                    }
                    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
                    return HttpExecuteResponse.builder()
                            .response(response.httpResponse().toBuilder().putHeader("Content-Length", String.valueOf(bytes.length)).build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                            .build();
                }

                @Override
                public void abort() {
                    real.abort();
                }
            };
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    static String formBody(HttpExecuteRequest request) {
        return request.contentStreamProvider().map(p -> {
            try (InputStream in = p.newStream()) {
                return URLDecoder.decode(new String(in.readAllBytes(), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }).orElse("");
    }

    /**
     * Answers STS AssumeRole into one account with AWS's 403 AccessDenied — what a missing role or a trust policy
     * that excludes the caller looks like (moto itself never checks either).
     */
    static final class DenyAssumeRole implements SdkHttpClient {
        private static final String DENIED = "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error>"
                + "<Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized to perform: sts:AssumeRole</Message>"
                + "</Error><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>";
        private final SdkHttpClient delegate;
        private final String account;

        DenyAssumeRole(SdkHttpClient delegate, String account) {
            this.delegate = delegate;
            this.account = account;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            String body = formBody(request);
            if (!(body.contains("Action=AssumeRole") && body.contains(":iam::" + account + ":role/"))) {
                return delegate.prepareRequest(request);
            }
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    byte[] bytes = DENIED.getBytes(StandardCharsets.UTF_8);
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(403).putHeader("Content-Type", "text/xml")
                                    .putHeader("Content-Length", String.valueOf(bytes.length)).build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                            .build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}

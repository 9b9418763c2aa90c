package io.claudebaseline.org;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.aws.AwsClients;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

/** The audit never has more than {@code concurrency} accounts in flight, and one failure never stops the others. */
class MemberAuditConcurrencyTest {

    @Test
    void auditsAtMostConcurrencyAccountsAtOnceAndCarriesOnAfterFailures() {
        AtomicInteger active = new AtomicInteger();
        AtomicInteger maxActive = new AtomicInteger();
        // Each wave of three meets at the barrier, so three are provably in flight together — and never a fourth.
        CyclicBarrier wave = new CyclicBarrier(3);
        AwsClients aws = new NoAws() {
            @Override
            public AwsClients forAccount(String accountId, String roleName, String externalId) {
                maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
                try {
                    wave.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("wave did not fill", e);
                } finally {
                    active.decrementAndGet();
                }
                throw SdkClientException.create("simulated: connection refused");
            }
        };
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            accounts.add(String.format("%012d", 100000000000L + i));
        }
        List<String> progress = Collections.synchronizedList(new ArrayList<>());

        List<MemberAudit.Outcome> outcomes = MemberAudit.run(accounts, aws, "AuditRole", null, 3, "AeaApiKey-*", null,
                progress::add, () -> 0L);

        assertThat(maxActive.get()).isEqualTo(3);
        assertThat(outcomes).hasSize(9).allSatisfy(o -> {
            assertThat(o.audited()).isFalse();
            assertThat(o.failure()).contains(o.accountId(), "did not reach AWS");
        });
        assertThat(outcomes).extracting(MemberAudit.Outcome::accountId).isSorted();
        assertThat(progress).last().isEqualTo("audited 9/9 accounts");
    }

    /** Clients that must not be used: the audit only goes through {@link #forAccount}. */
    abstract static class NoAws implements AwsClients {
        @Override
        public OrganizationsClient organizations() {
            throw new UnsupportedOperationException();
        }

        @Override
        public CloudTrailClient cloudTrail(String region) {
            throw new UnsupportedOperationException();
        }

        @Override
        public IamClient iam() {
            throw new UnsupportedOperationException();
        }

        @Override
        public StsClient sts() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}

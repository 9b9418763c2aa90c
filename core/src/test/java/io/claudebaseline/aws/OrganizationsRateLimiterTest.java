package io.claudebaseline.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The limiter against a fake clock: bursts, then AWS's documented rate, per operation. No real waiting. */
class OrganizationsRateLimiterTest {

    private final AtomicLong now = new AtomicLong(0);
    private final List<Long> sleeps = new ArrayList<>();
    private final OrganizationsRateLimiter limiter = limiter(1.0);

    private OrganizationsRateLimiter limiter(double scale) {
        return new OrganizationsRateLimiter(scale, now::get, nanos -> {
            sleeps.add(nanos);
            now.addAndGet(nanos);
        });
    }

    @Test
    void attachPolicyBurstsThreeThenRunsAtTwoPerSecond() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("AttachPolicy")).as("burst %d", i).isZero();
        }
        assertThat(limiter.acquire("AttachPolicy")).isEqualTo(500_000_000L);
        assertThat(limiter.acquire("AttachPolicy")).isEqualTo(500_000_000L);
        // 10 more calls take 5 s of (fake) time: the sustained rate is 2/s
        long before = now.get();
        for (int i = 0; i < 10; i++) {
            limiter.acquire("AttachPolicy");
        }
        assertThat(now.get() - before).isEqualTo(5_000_000_000L);
    }

    @Test
    void operationsHaveSeparateBucketsAndTheirOwnRates() {
        for (int i = 0; i < 8; i++) {
            assertThat(limiter.acquire("ListPoliciesForTarget")).isZero();
        }
        assertThat(limiter.acquire("ListPoliciesForTarget")).isEqualTo(200_000_000L);
        assertThat(limiter.acquire("EnablePolicyType")).isZero();
        assertThat(limiter.acquire("EnablePolicyType")).isEqualTo(1_000_000_000L);
    }

    @Test
    void idleTimeRefillsUpToTheBurstOnly() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("CreatePolicy");
        }
        now.addAndGet(60_000_000_000L);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("CreatePolicy")).isZero();
        }
        assertThat(limiter.acquire("CreatePolicy")).isPositive();
    }

    @Test
    void theScaleLeavesPartOfTheQuotaToOthers() {
        OrganizationsRateLimiter half = limiter(0.5);
        half.acquire("DescribePolicy");
        half.acquire("DescribePolicy");
        assertThat(half.acquire("DescribePolicy")).isEqualTo(1_000_000_000L);
    }

    @Test
    void unlistedOperationsGetTheConservativeDefaults() {
        for (int i = 0; i < 8; i++) {
            assertThat(limiter.acquire("ListAccountsForParent")).isZero();
        }
        assertThat(limiter.acquire("ListAccountsForParent")).isPositive();
        assertThat(limiter.acquire("SomeFutureWrite")).isZero();
        assertThat(limiter.acquire("SomeFutureWrite")).isEqualTo(1_000_000_000L);
    }

    @Test
    void settingsFromTheEnvironment() {
        assertThat(AwsClientSettings.fromEnvironment(java.util.Map.of()).organizationsRateScale()).isEqualTo(1.0);
        assertThat(AwsClientSettings.fromEnvironment(java.util.Map.of(AwsClientSettings.ENV_ORG_RATE_LIMIT, "off")).rateLimited()).isFalse();
        assertThat(AwsClientSettings.fromEnvironment(java.util.Map.of(AwsClientSettings.ENV_ORG_RATE_LIMIT, "0.5")).organizationsRateScale()).isEqualTo(0.5);
        assertThat(AwsClientSettings.fromEnvironment(java.util.Map.of(AwsClientSettings.ENV_MAX_ATTEMPTS, "3")).maxAttempts()).isEqualTo(3);
        assertThatThrownBy(() -> AwsClientSettings.fromEnvironment(java.util.Map.of(AwsClientSettings.ENV_ORG_RATE_LIMIT, "fast")))
                .hasMessageContaining(AwsClientSettings.ENV_ORG_RATE_LIMIT).hasMessageContaining("'fast'");
        assertThatThrownBy(() -> AwsClientSettings.fromEnvironment(java.util.Map.of(AwsClientSettings.ENV_MAX_ATTEMPTS, "0")))
                .hasMessageContaining("at least 1");
    }
}

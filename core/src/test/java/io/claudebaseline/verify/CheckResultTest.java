package io.claudebaseline.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A deferred check (simulate's scenarios) and a check that holds its texts are the same check to every reader:
 * accessors, equality, hash and string form; the deferred one builds its texts on each call and keeps none.
 */
class CheckResultTest {

    /** Builds fresh texts on every call and counts the calls. */
    static final class CountingDetails implements CheckResult.Details {
        final AtomicInteger messages = new AtomicInteger();
        final AtomicInteger evidences = new AtomicInteger();

        @Override
        public String message() {
            messages.incrementAndGet();
            return new StringBuilder("As expected: ").append("x is denied").toString();
        }

        @Override
        public Map<String, Object> evidence() {
            evidences.incrementAndGet();
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("principal", "arn:aws:iam::111122223333:role/x");
            ev.put("action", "iam:CreateUser");
            ev.put("decidingStatementIndex", 2);
            return ev;
        }
    }

    private static CheckResult eager() {
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("principal", "arn:aws:iam::111122223333:role/x");
        ev.put("action", "iam:CreateUser");
        ev.put("decidingStatementIndex", 2);
        return new CheckResult("deny-shadow-users", "scenario:deny-shadow-users:x", CheckStatus.PASS, "As expected: x is denied", ev,
                Duration.ofNanos(1234));
    }

    @Test
    void aDeferredCheckEqualsTheCheckHoldingTheSameTexts() {
        CheckResult deferred = CheckResult.deferred("deny-shadow-users", "scenario:deny-shadow-users:x", CheckStatus.PASS,
                new CountingDetails(), Duration.ofNanos(1234));
        CheckResult eager = eager();
        assertThat(deferred).isEqualTo(eager);
        assertThat(eager).isEqualTo(deferred);
        assertThat(deferred.hashCode()).isEqualTo(eager.hashCode());
        assertThat(deferred.toString()).isEqualTo(eager.toString())
                .isEqualTo("CheckResult[control=deny-shadow-users, check=scenario:deny-shadow-users:x, status=PASS, "
                        + "message=As expected: x is denied, evidence={principal=arn:aws:iam::111122223333:role/x, action=iam:CreateUser, "
                        + "decidingStatementIndex=2}, duration=PT0.000001234S]");
        assertThat(deferred.evidence()).containsExactlyEntriesOf(eager.evidence());
        assertThat(deferred.evidenceValue("action")).isEqualTo(eager.evidenceValue("action")).isEqualTo("iam:CreateUser");
        assertThat(deferred.evidenceValue("missing")).isNull();
        assertThat(deferred.withEvidence(Map.of("more", "y"))).isEqualTo(eager.withEvidence(Map.of("more", "y")));
        assertThat(deferred).isNotEqualTo(new CheckResult("deny-shadow-users", "scenario:deny-shadow-users:x", CheckStatus.PASS,
                "As expected: x is denied.", eager.evidence(), Duration.ofNanos(1234)));
    }

    @Test
    void aDeferredCheckBuildsItsTextsOnEveryCallAndKeepsNone() {
        CountingDetails details = new CountingDetails();
        CheckResult c = CheckResult.deferred("deny-shadow-users", "scenario:deny-shadow-users:x", CheckStatus.PASS, details, null);
        assertThat(details.messages).hasValue(0);
        assertThat(details.evidences).hasValue(0);
        String first = c.message();
        String second = c.message();
        assertThat(first).isEqualTo(second).isNotSameAs(second);
        assertThat(details.messages).hasValue(2);
        c.evidence();
        assertThat(details.evidences).hasValue(1);
        assertThat(c.details()).isSameAs(details);
        assertThat(eager().details()).isNull();
    }

    @Test
    void aDeferredChecksEvidenceCannotBeChangedByItsReader() {
        CheckResult c = CheckResult.deferred("c", "k", CheckStatus.PASS, new CountingDetails(), null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.evidence().put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}

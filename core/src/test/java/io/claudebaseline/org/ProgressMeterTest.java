package io.claudebaseline.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The audit's progress line: every tenth, after a quiet interval, and at the end — never once per account. */
class ProgressMeterTest {

    @Test
    void largeAuditPrintsATenthAtATime() {
        List<String> lines = new ArrayList<>();
        ProgressMeter meter = new ProgressMeter(lines::add, "accounts", 1200, () -> 0L); // a clock that never moves
        for (int i = 0; i < 1200; i++) {
            meter.completed();
        }
        assertThat(lines).hasSize(10).startsWith("audited 120/1200 accounts").endsWith("audited 1200/1200 accounts");
    }

    @Test
    void quietIntervalAddsALine() {
        List<String> lines = new ArrayList<>();
        AtomicLong now = new AtomicLong();
        ProgressMeter meter = new ProgressMeter(lines::add, "accounts", 1000, now::get);
        for (int i = 0; i < 50; i++) {
            meter.completed();
        }
        assertThat(lines).isEmpty();
        now.addAndGet(ProgressMeter.INTERVAL_NANOS); // slow accounts: the log still moves
        meter.completed();
        assertThat(lines).containsExactly("audited 51/1000 accounts");
    }

    @Test
    void smallAuditEndsWithTheTotal() {
        List<String> lines = new ArrayList<>();
        ProgressMeter meter = new ProgressMeter(lines::add, "accounts", 3, () -> 0L);
        for (int i = 0; i < 3; i++) {
            meter.completed();
        }
        assertThat(lines).containsExactly("audited 1/3 accounts", "audited 2/3 accounts", "audited 3/3 accounts");
    }
}

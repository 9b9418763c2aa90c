package io.claudebaseline.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timeline's edge cases that need no endpoint: beyond the event history's 90 days, a trail created mid-window, a record. */
class SelectorTimelineTest {
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    static final String TRAIL = "org-trail";
    static final String ARN = "arn:aws:cloudtrail:us-east-1:123456789012:trail/org-trail";

    private static boolean anyData(List<JsonNode> selectors) {
        return selectors.stream().anyMatch(s -> s.toString().contains("\"Data\""));
    }

    @Test
    void aWindowOlderThanTheHistoryIsUnknownUpToItsHorizon() {
        Window w = new Window(NOW.minus(Duration.ofDays(120)), NOW);
        SelectorTimeline t = SelectorTimeline.of(w, NOW, true, true, List.of(), SelectorTimelineTest::anyData);
        Instant horizon = NOW.minus(Duration.ofDays(90));
        assertThat(t.kind()).isEqualTo("MIXED");
        assertThat(t.segments()).extracting(SelectorTimeline.Segment::state)
                .containsExactly(SelectorTimeline.State.UNKNOWN, SelectorTimeline.State.IN_PLACE);
        assertThat(t.sentence()).contains(w.from() + " to " + horizon + " unknown (CloudTrail's event history keeps 90 days of management"
                + " events, so the trail's changes before " + horizon + " cannot be seen)", horizon + " to " + NOW + " in place");
    }

    @Test
    void aTrailCreatedMidWindowDidNotExistBeforeAndLogsFromItsDataSelectorAndStartLogging() {
        Window w = new Window(NOW.minus(Duration.ofDays(10)), NOW);
        Instant created = NOW.minus(Duration.ofDays(5));
        Instant selector = created.plusSeconds(60);
        Instant started = created.plusSeconds(120);
        List<TrailChange> history = List.of(
                TrailChange.of(record("StartLogging", started, "{\"name\":\"" + ARN + "\"}", ""), TRAIL, ARN).orElseThrow(),
                TrailChange.of(record("CreateTrail", created, "{\"name\":\"org-trail\",\"s3BucketName\":\"b\"}", ",\"responseElements\":{\"trailARN\":\"" + ARN + "\"}"), TRAIL, ARN).orElseThrow(),
                TrailChange.of(record("PutEventSelectors", selector, "{\"trailName\":\"org-trail\",\"advancedEventSelectors\":[{\"name\":\"d\","
                        + "\"fieldSelectors\":[{\"field\":\"eventCategory\",\"equals\":[\"Data\"]}]}]}", ""), TRAIL, ARN).orElseThrow());
        SelectorTimeline t = SelectorTimeline.of(w, NOW, true, true, history, SelectorTimelineTest::anyData);
        assertThat(t.segments()).extracting(SelectorTimeline.Segment::state).containsExactly(SelectorTimeline.State.NOT_IN_PLACE,
                SelectorTimeline.State.NOT_IN_PLACE, SelectorTimeline.State.NOT_IN_PLACE, SelectorTimeline.State.IN_PLACE);
        assertThat(t.sentence()).contains(w.from() + " to " + created + " not in place (the trail did not exist)",
                created + " to " + selector + " not in place (CreateTrail by arn:aws:iam::123456789012:role/ops) (the new trail logged"
                        + " management events only and the new trail was not logging yet)",
                selector + " to " + started + " not in place (PutEventSelectors by arn:aws:iam::123456789012:role/ops) (the new trail was not logging yet)",
                started + " to " + NOW + " in place (StartLogging by arn:aws:iam::123456789012:role/ops)");
    }

    @Test
    void recordsOfFailedCallsOtherTrailsAndOtherEventsAreNotChanges() {
        Instant t = NOW.minusSeconds(60);
        assertThat(TrailChange.of(record("StopLogging", t, "{\"name\":\"other-trail\"}", ""), TRAIL, ARN)).isEmpty();
        assertThat(TrailChange.of(record("StopLogging", t, "{\"name\":\"org-trail\"}", ",\"errorCode\":\"AccessDenied\""), TRAIL, ARN)).isEmpty();
        assertThat(TrailChange.of(record("DescribeTrails", t, "{\"trailNameList\":[\"org-trail\"]}", ""), TRAIL, ARN)).isEmpty();
        assertThat(TrailChange.of("not json", TRAIL, ARN)).isEmpty();
        TrailChange basic = TrailChange.of(record("PutEventSelectors", t, "{\"trailName\":\"" + ARN + "\",\"eventSelectors\":[{\"readWriteType\":\"All\","
                + "\"includeManagementEvents\":true,\"dataResources\":[]}]}", ""), TRAIL, ARN).orElseThrow();
        assertThat(basic.advancedSelectors()).as("basic selectors cannot log Claude data events").isEmpty();
        assertThat(TrailChange.of(record("StopLogging", t, "{\"name\":\"org-trail\"}", ""), TRAIL, ARN).orElseThrow().by())
                .isEqualTo("arn:aws:iam::123456789012:role/ops");
    }

    private static String record(String name, Instant time, String requestParameters, String more) {
        return "{\"eventVersion\":\"1.11\",\"userIdentity\":{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::123456789012:assumed-role/ops/s\","
                + "\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"arn\":\"arn:aws:iam::123456789012:role/ops\"}}},"
                + "\"eventTime\":\"" + time + "\",\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"" + name + "\","
                + "\"requestParameters\":" + requestParameters + more + "}";
    }
}

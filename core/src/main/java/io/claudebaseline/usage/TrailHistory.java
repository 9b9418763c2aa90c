package io.claudebaseline.usage;

import com.fasterxml.jackson.databind.JsonNode;
import io.claudebaseline.aws.AwsOperation;
import io.claudebaseline.aws.AwsOperationException;
import io.claudebaseline.facts.AwsFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;

/**
 * Reads the trail's changes from CloudTrail's event history (LookupEvents, in the trail's home region, where its
 * changes must be made) and its logging status (GetTrailStatus), and rebuilds {@link SelectorTimeline}. The history
 * is independent of the trail's own delivery, so it also covers times the trail was stopped. One event name per
 * call (LookupEvents takes one lookup attribute), one call after the other (two per second at most; the SDK's
 * retry absorbs a throttle). A LookupEvents that is refused or fails leaves the window unknown, with the reason, rather
 * than failing a run that has read its events already.
 */
final class TrailHistory {
    private TrailHistory() {}

    static SelectorTimeline read(CloudTrailClient ct, TrailLocation trail, Window window, Instant now,
                                 Predicate<List<JsonNode>> coversAll) {
        String where = "trail " + trail.trailName() + " in " + trail.homeRegion();
        boolean logging = Boolean.TRUE.equals(AwsOperation.GET_TRAIL_STATUS.call(where,
                () -> ct.getTrailStatus(r -> r.name(trail.trailName()))).isLogging());
        List<TrailChange> changes = new ArrayList<>();
        Instant start = now.minus(Duration.ofDays(AwsFacts.EVENT_HISTORY_DAYS));
        try {
            for (String name : AwsFacts.TRAIL_CHANGE_EVENT_NAMES) {
                AwsOperation.LOOKUP_EVENTS.run("the event history of " + where, () -> ct.lookupEventsPaginator(r -> r
                                .lookupAttributes(a -> a.attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue(name))
                                .startTime(start).endTime(now).maxResults(AwsFacts.LOOKUP_EVENTS_MAX_RESULTS))
                        .events().stream()
                        .filter(e -> AwsFacts.CLOUDTRAIL_EVENT_SOURCE.equals(e.eventSource()) || e.eventSource() == null)
                        .map(Event::cloudTrailEvent)
                        .forEach(json -> TrailChange.of(json, trail.trailName(), trail.trailArn()).ifPresent(changes::add)));
            }
        } catch (AwsOperationException e) {
            // The events were read already; the history only qualifies them, so its failure is told, not fatal.
            String why = e.kind() == AwsOperationException.Kind.ACCESS_DENIED
                    ? AwsOperation.LOOKUP_EVENTS.iamAction() + " on " + where + " was denied, so the trail's changes cannot be read; grant "
                      + AwsOperation.LOOKUP_EVENTS.iamAction() + " (claude-baseline permissions --for usage) to tell"
                    : "the trail's changes could not be read from its event history: " + e.getMessage().replaceFirst("\\.$", "");
            return SelectorTimeline.unknown(window, now, trail.dataSelectorForAll(), logging, why);
        }
        return SelectorTimeline.of(window, now, trail.dataSelectorForAll(), logging, changes, coversAll);
    }
}

package io.claudebaseline.usage;

import com.fasterxml.jackson.databind.JsonNode;
import io.claudebaseline.facts.AwsFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Whether the trail logged the configured workspaces' data events during the window, rebuilt from what it is
 * today (GetEventSelectors, GetTrailStatus) and its changes in CloudTrail's event history (LookupEvents). Two things
 * must hold for a data event to reach the trail: a selector capturing every configured workspace, and logging on.
 * Each change sets one or both; between changes nothing moves, and after the last one the trail is as it is today.
 * Before the first change the trail was as that change found it when the change says so (a trail did not exist
 * before CreateTrail; StartLogging found it stopped, StopLogging logging), and is unknown otherwise (a
 * PutEventSelectors record holds the new selectors, not the old) or beyond the history's 90 days.
 *
 * @param kind     THROUGHOUT, FROM, UNTIL, NEVER, MIXED or UNKNOWN
 * @param segments the window cut where the state changes, in order
 * @param changes  the trail's changes seen within the window
 */
record SelectorTimeline(String kind, List<Segment> segments, List<TrailChange> changes, boolean selectorToday,
                        boolean loggingToday, String sentence) {

    enum State { IN_PLACE, NOT_IN_PLACE, UNKNOWN }

    /** Part of the window with one state; {@code cause} the change it starts with (null at the window start). */
    record Segment(Instant from, Instant to, State state, String why, TrailChange cause) {}

    /** A window the history could not be read for: unknown throughout, with the reason. */
    static SelectorTimeline unknown(Window window, Instant now, boolean selectorToday, boolean loggingToday, String reason) {
        Instant end = end(window, now);
        List<Segment> one = List.of(new Segment(window.from(), end, State.UNKNOWN, reason, null));
        return new SelectorTimeline("UNKNOWN", one, List.of(), selectorToday, loggingToday,
                sentence("UNKNOWN", one, List.of()) + today(selectorToday, loggingToday));
    }

    /** The timeline from today's state and the changes of the last {@link AwsFacts#EVENT_HISTORY_DAYS} days. */
    static SelectorTimeline of(Window window, Instant now, boolean selectorToday, boolean loggingToday, List<TrailChange> history,
                               Predicate<List<JsonNode>> coversAll) {
        List<TrailChange> sorted = history.stream().sorted(java.util.Comparator.comparing(TrailChange::time)).toList();
        Instant horizon = now.minus(Duration.ofDays(AwsFacts.EVENT_HISTORY_DAYS));
        Dimension selector = new Dimension(selectorToday, "the trail's selectors did not capture every configured workspace's data events");
        Dimension logging = new Dimension(loggingToday, "the trail was not logging");
        for (TrailChange c : sorted) {
            switch (c.eventName()) {
                case "PutEventSelectors" -> selector.step(c, null, c.advancedSelectors() == null ? null : coversAll.test(c.advancedSelectors()),
                        c.advancedSelectors() == null ? "the selectors PutEventSelectors set then could not be read from its record" : null);
                case "CreateTrail" -> {
                    selector.step(c, false, false, null).before("the trail did not exist").after("the new trail logged management events only");
                    logging.step(c, false, false, null).before("the trail did not exist").after("the new trail was not logging yet");
                }
                case "DeleteTrail" -> {
                    selector.step(c, null, false, null).after("the trail was deleted");
                    logging.step(c, null, false, null).after("the trail was deleted");
                }
                case "StartLogging" -> logging.step(c, false, true, null);
                case "StopLogging" -> logging.step(c, true, false, null).after("the trail was not logging (StopLogging)");
                default -> { } // UpdateTrail: delivery, not capture (named in the sentence)
            }
        }
        Instant end = end(window, now);
        TreeSet<Instant> cuts = new TreeSet<>();
        cuts.add(window.from());
        sorted.forEach(c -> {
            if (c.time().isAfter(window.from()) && c.time().isBefore(end)) {
                cuts.add(c.time());
            }
        });
        if (horizon.isAfter(window.from()) && horizon.isBefore(end)) {
            cuts.add(horizon);
        }
        List<Segment> segments = new ArrayList<>();
        List<Instant> starts = List.copyOf(cuts);
        for (int i = 0; i < starts.size(); i++) {
            Instant t = starts.get(i);
            Instant to = i + 1 < starts.size() ? starts.get(i + 1) : end;
            Value s = selector.at(t, horizon);
            Value l = logging.at(t, horizon);
            State state;
            String why;
            if (s.known() == Boolean.FALSE || l.known() == Boolean.FALSE) {
                state = State.NOT_IN_PLACE;
                why = s.known() == Boolean.FALSE && l.known() == Boolean.FALSE && !s.why().equals(l.why()) ? s.why() + " and " + l.why()
                        : s.known() == Boolean.FALSE ? s.why() : l.why();
            } else if (s.known() == null || l.known() == null) {
                state = State.UNKNOWN;
                why = s.known() == null ? s.why() : l.why();
            } else {
                state = State.IN_PLACE;
                why = null;
            }
            TrailChange cause = sorted.stream().filter(c -> c.time().equals(t)).reduce((a, b) -> b).orElse(null);
            Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
            if (last != null && last.state() == state && java.util.Objects.equals(last.why(), why)) {
                segments.set(segments.size() - 1, new Segment(last.from(), to, state, why, last.cause()));
            } else {
                segments.add(new Segment(t, to, state, why, cause));
            }
        }
        List<TrailChange> inWindow = sorted.stream().filter(c -> !c.time().isBefore(window.from()) && c.time().isBefore(end)).toList();
        String kind = kind(segments);
        return new SelectorTimeline(kind, List.copyOf(segments), inWindow, selectorToday, loggingToday,
                sentence(kind, segments, inWindow) + today(selectorToday, loggingToday));
    }

    private static Instant end(Window window, Instant now) {
        return window.to().isAfter(now) && now.isAfter(window.from()) ? now : window.to();
    }

    private static String kind(List<Segment> s) {
        if (s.size() == 1) {
            return switch (s.get(0).state()) {
                case IN_PLACE -> "THROUGHOUT";
                case NOT_IN_PLACE -> "NEVER";
                case UNKNOWN -> "UNKNOWN";
            };
        }
        if (s.size() == 2 && s.get(1).state() == State.IN_PLACE && s.get(0).state() == State.NOT_IN_PLACE) {
            return "FROM";
        }
        if (s.size() == 2 && s.get(0).state() == State.IN_PLACE && s.get(1).state() == State.NOT_IN_PLACE) {
            return "UNTIL";
        }
        return "MIXED";
    }

    private static final String SUBJECT = "The trail's Claude data-event selector";

    private static String sentence(String kind, List<Segment> s, List<TrailChange> changes) {
        String text = switch (kind) {
            case "THROUGHOUT" -> SUBJECT + " was in place, and the trail logging, throughout the window.";
            case "NEVER" -> SUBJECT + " was NOT in place at any time in the window: " + s.get(0).why() + ".";
            case "FROM" -> SUBJECT + " was in place only from " + s.get(1).from() + cause(s.get(1)) + "; before then " + s.get(0).why() + ".";
            case "UNTIL" -> SUBJECT + " was in place only until " + s.get(1).from() + cause(s.get(1)) + "; after then " + s.get(1).why() + ".";
            case "UNKNOWN" -> "Whether " + SUBJECT.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + SUBJECT.substring(1)
                    + " was in place in the window is unknown: " + s.get(0).why() + ".";
            default -> SUBJECT + " was in place for part of the window only: " + String.join("; ", s.stream().map(SelectorTimeline::describe).toList()) + ".";
        };
        for (TrailChange c : changes) {
            if ("UpdateTrail".equals(c.eventName())) {
                text += " UpdateTrail at " + c.time() + (c.by() == null ? "" : " by " + c.by())
                        + " may have moved delivery: events before then may be in the bucket or log group the trail used then.";
            }
        }
        return text;
    }

    private static String describe(Segment s) {
        String span = s.from() + " to " + s.to();
        return switch (s.state()) {
            case IN_PLACE -> span + " in place" + cause(s);
            case NOT_IN_PLACE -> span + " not in place" + cause(s) + " (" + s.why() + ")";
            case UNKNOWN -> span + " unknown (" + s.why() + ")";
        };
    }

    private static String cause(Segment s) {
        TrailChange c = s.cause();
        return c == null ? "" : " (" + c.eventName() + (c.by() == null ? "" : " by " + c.by()) + ")";
    }

    private static String today(boolean selector, boolean logging) {
        return " Today the trail's selectors " + (selector ? "log" : "do NOT log") + " Claude data events"
                + (logging ? "" : " and the trail is NOT logging") + ".";
    }

    /** For report.json. */
    Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("state", kind);
        d.put("summary", sentence);
        List<Map<String, Object>> segs = new ArrayList<>();
        for (Segment s : segments) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", s.from().toString());
            m.put("to", s.to().toString());
            m.put("state", s.state().name());
            if (s.why() != null) {
                m.put("why", s.why());
            }
            if (s.cause() != null) {
                m.put("change", s.cause().eventName());
            }
            segs.add(m);
        }
        d.put("segments", segs);
        d.put("changes", changes.stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("time", c.time().toString());
            m.put("eventName", c.eventName());
            m.put("by", String.valueOf(c.by()));
            return m;
        }).toList());
        d.put("loggingToday", loggingToday);
        return d;
    }

    /** What is known of one of the two conditions at a time: true, false or null (unknown), and why when not true. */
    private record Value(Boolean known, String why) {}

    /** One condition (selector or logging): its changes, each with what it found and what it left. */
    private static final class Dimension {
        private final boolean today;
        private final String whyFalse;
        private final List<Step> steps = new ArrayList<>();

        Dimension(boolean today, String whyFalse) {
            this.today = today;
            this.whyFalse = whyFalse;
        }

        private static final class Step {
            final TrailChange change;
            final Boolean before;
            final Boolean after;
            String whyBefore;
            String whyAfter;

            Step(TrailChange change, Boolean before, Boolean after) {
                this.change = change;
                this.before = before;
                this.after = after;
            }

            Step before(String why) {
                whyBefore = why;
                return this;
            }

            Step after(String why) {
                whyAfter = why;
                return this;
            }
        }

        Step step(TrailChange c, Boolean before, Boolean after, String whyUnknown) {
            Step s = new Step(c, before, after);
            if (whyUnknown != null) {
                s.whyAfter = whyUnknown;
            }
            steps.add(s);
            return s;
        }

        Value at(Instant t, Instant horizon) {
            Step last = null;
            for (Step s : steps) {
                if (!s.change.time().isAfter(t)) {
                    last = s;
                }
            }
            if (last != null) {
                // After the last change the trail is as it is today; between changes as the change left it.
                boolean latest = last == steps.get(steps.size() - 1);
                Boolean v = latest ? Boolean.valueOf(today) : last.after;
                if (v == null) {
                    return new Value(null, last.whyAfter);
                }
                boolean sameAsRecorded = !latest || last.after == Boolean.FALSE;
                return new Value(v, v ? null : sameAsRecorded && last.whyAfter != null ? last.whyAfter : whyFalse);
            }
            String beyond = "CloudTrail's event history keeps " + AwsFacts.EVENT_HISTORY_DAYS + " days of management events, so the trail's"
                    + " changes before " + horizon + " cannot be seen";
            if (steps.isEmpty()) {
                return t.isBefore(horizon) ? new Value(null, beyond) : new Value(today, today ? null : whyFalse);
            }
            Step first = steps.get(0);
            boolean created = "CreateTrail".equals(first.change.eventName());
            if (t.isBefore(horizon) && !created) {
                return new Value(null, beyond);
            }
            if (first.before == null) {
                return new Value(null, "the trail's state before " + first.change.eventName() + " at " + first.change.time()
                        + " is not in its record");
            }
            return new Value(first.before, first.before ? null : first.whyBefore != null ? first.whyBefore : whyFalse);
        }
    }
}

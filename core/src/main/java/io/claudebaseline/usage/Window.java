package io.claudebaseline.usage;

import io.claudebaseline.engine.api.EngineRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The time window of a usage read, [from, to), and the parsing of {@code --since 90d} / {@code --from 2026-09-01}. */
public record Window(Instant from, Instant to) {
    /** What usage reads when no window is given: the guide's 90 days. */
    public static final Duration DEFAULT_SINCE = Duration.ofDays(90);

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*([dhm])");

    public Window {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the window is empty: --from " + from + " is not before --to " + to + "; give an earlier --from");
        }
    }

    /** The window of a request: {@code since} before {@code now}, or from/to, or the default 90 days. */
    public static Window of(EngineRequest.UsageWindow w, Instant exactlyNow) {
        // Whole seconds: the window is printed, and put into SQL, as the user would write it.
        Instant now = exactlyNow.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (w.since() != null && (w.from() != null || w.to() != null)) {
            throw new IllegalArgumentException("give either --since or --from/--to, not both");
        }
        if (w.since() != null) {
            if (w.since().isNegative() || w.since().isZero()) {
                throw new IllegalArgumentException("--since must be a positive duration such as 90d or 24h");
            }
            return new Window(now.minus(w.since()), now);
        }
        if (w.to() != null && w.from() == null) {
            throw new IllegalArgumentException("--to needs --from (the start of the window)");
        }
        if (w.from() != null) {
            return new Window(w.from(), w.to() == null ? now : w.to());
        }
        return new Window(now.minus(DEFAULT_SINCE), now);
    }

    /** {@code 90d}, {@code 24h}, {@code 30m} or an ISO-8601 duration ({@code P90D}, {@code PT12H}). */
    public static Duration parseDuration(String option, String value) {
        String v = value == null ? "" : value.trim();
        Matcher m = SHORT.matcher(v);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "d" -> Duration.ofDays(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofMinutes(n);
                };
            }
            return Duration.parse(v.toUpperCase(java.util.Locale.ROOT));
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(option + " '" + value + "' is not a duration; give e.g. 90d, 24h, 30m or P90D");
        }
    }

    /** {@code 2026-09-01} (midnight UTC) or an ISO-8601 instant such as {@code 2026-09-01T12:00:00Z}. */
    public static Instant parseTime(String option, String value) {
        String v = value == null ? "" : value.trim();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + value + "' is not a time; give a UTC date such as 2026-09-01 or an instant such as 2026-09-01T12:00:00Z");
        }
    }
}

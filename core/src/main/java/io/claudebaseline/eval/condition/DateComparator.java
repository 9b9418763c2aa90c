package io.claudebaseline.eval.condition;

import io.claudebaseline.eval.Request;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Date condition operators. Values are W3C ISO 8601 dates/times ({@code 2026}, {@code 2026-05},
 * {@code 2026-05-15}, {@code 2026-05-15T10:00Z}, {@code 2026-05-15T10:00:00.5+02:00}) or epoch seconds; a date
 * without a zone is UTC. No wildcards, no policy variables (reference_policies_elements_condition_operators.html,
 * Date). A request value that is not a date matches nothing.
 */
public enum DateComparator implements ValueComparator {
    EQUALS, LESS_THAN, LESS_THAN_EQUALS, GREATER_THAN, GREATER_THAN_EQUALS;

    private static final DateTimeFormatter MINUTES_WITH_ZONE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX");

    @Override
    public boolean matches(String policyValue, String requestValue, Request request, boolean variables) {
        Instant policy = parse(policyValue);
        Instant actual = parse(requestValue);
        if (policy == null || actual == null) {
            return false;
        }
        return NumericComparator.Ordering.holds(this.ordinal(), actual.compareTo(policy));
    }

    @Override
    public void checkPolicyValue(String policyValue) {
        if (parse(policyValue) == null) {
            throw new IllegalArgumentException("'" + policyValue + "' is neither an ISO 8601 date/time nor epoch seconds");
        }
    }

    /** Parses an ISO 8601 (W3C profile) date/time or epoch seconds; null when it is neither. */
    static Instant parse(String s) {
        if (s == null) {
            return null;
        }
        String v = s.trim();
        if (v.matches("-?\\d+(\\.\\d+)?") && !v.matches("\\d{4}")) {
            BigDecimal seconds = new BigDecimal(v);
            return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        try {
            if (v.matches("\\d{4}")) {
                return LocalDate.of(Integer.parseInt(v), 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (v.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(v).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (v.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})")) {
                return OffsetDateTime.parse(v, MINUTES_WITH_ZONE).toInstant();
            }
            if (v.matches("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+")) {
                return java.time.LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }
}

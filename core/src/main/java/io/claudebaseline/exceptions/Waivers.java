package io.claudebaseline.exceptions;

import io.claudebaseline.config.ExceptionConfig;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The config's exceptions as verify applies them on one day. The checks hand each FAIL/WARN finding (with what it
 * is about) to {@link #apply} or {@link #covering}; an exception in force turns the finding into
 * {@link CheckStatus#EXCEPTED}, an expired one leaves it failing and is named in its message. Afterwards
 * {@link #bookkeeping} reports the exceptions themselves: unused (stale), about to expire, expired.
 *
 * <p>Thread-safe: the member audit reports from several threads.
 */
public final class Waivers {

    /** Control id of the checks about the exceptions themselves. */
    public static final String CONTROL = "exceptions";

    private final List<Entry> entries;
    private final LocalDate today;
    private final boolean ignored;
    private final boolean reportUnused;
    private final Map<Integer, AtomicInteger> matches = new ConcurrentHashMap<>();

    private Waivers(List<Entry> entries, LocalDate today, boolean ignored, boolean reportUnused) {
        this.entries = entries;
        this.today = today;
        this.ignored = ignored;
        this.reportUnused = reportUnused;
    }

    /** No exceptions: every finding stands as it is. */
    public static Waivers none() {
        return new Waivers(List.of(), LocalDate.now(java.time.ZoneOffset.UTC), false, false);
    }

    /**
     * @param exceptions   the config's entries (already validated)
     * @param today        the day they are judged on (UTC)
     * @param ignore       verify --no-exceptions: report the raw state, list the exceptions as ignored
     * @param reportUnused false when the run cannot see every finding (verify --account), so silence is no evidence
     */
    public static Waivers of(List<ExceptionConfig> exceptions, LocalDate today, boolean ignore, boolean reportUnused) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < exceptions.size(); i++) {
            ExceptionConfig e = exceptions.get(i);
            ExceptableCheck check = e == null ? null : ExceptableCheck.byId(String.valueOf(e.check()).trim()).orElse(null);
            LocalDate expires = e == null ? null : ExceptionRules.parseDate(e.expires()).orElse(null);
            if (check != null && expires != null) {
                entries.add(new Entry(i, e, check, expires));
            }
        }
        return new Waivers(List.copyOf(entries), today, ignore, reportUnused);
    }

    /** What a finding is about: the check and, per subject, the values it has (an account has its OUs, say). */
    public record Finding(ExceptableCheck check, Map<Subject, Set<String>> subjects) {
        public static Finding of(ExceptableCheck check) {
            return new Finding(check, new EnumMap<>(Subject.class));
        }

        public Finding with(Subject subject, Collection<String> values) {
            Map<Subject, Set<String>> more = new EnumMap<>(Subject.class);
            more.putAll(subjects);
            more.put(subject, Set.copyOf(values.stream().filter(java.util.Objects::nonNull).toList()));
            return new Finding(check, more);
        }

        public Finding with(Subject subject, String value) {
            return with(subject, value == null ? List.of() : List.of(value));
        }
    }

    /** One exception of the config, with its position (for messages) and parsed expiry. */
    public record Entry(int index, ExceptionConfig config, ExceptableCheck check, LocalDate expires) {
        /** {@code exceptions[2]}, as the config's field paths name it. */
        public String path() {
            return "exceptions[" + index + "]";
        }

        boolean matches(Finding f) {
            if (f.check() != check) {
                return false;
            }
            for (Subject s : check.subjects()) {
                String want = s.of(config);
                if (want != null && !f.subjects().getOrDefault(s, Set.of()).contains(want)) {
                    return false;
                }
            }
            return true;
        }

        /** {@code shadow-user, user AeaApiKey-x, account 111122223333} */
        public String describe() {
            String subjects = check.subjects().stream().filter(s -> s.of(config) != null)
                    .map(s -> s.field() + " " + s.of(config)).collect(Collectors.joining(", "));
            return check.id() + (subjects.isEmpty() ? "" : ", " + subjects);
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("exception", path());
            m.put("check", check.id());
            // One column for the subjects, so every row of the reports' table has the same columns.
            m.put("appliesTo", check.subjects().stream().filter(s -> s.of(config) != null)
                    .map(s -> s.field() + " " + s.of(config)).collect(Collectors.joining(", ")));
            m.put("reason", config.reason());
            m.put("owner", config.owner());
            m.put("expires", expires.toString());
            return m;
        }
    }

    /**
     * The exception covering {@code f}: one in force if any, else an expired one (so the finding can name it), else
     * null. Records the match either way. With --no-exceptions nothing covers anything.
     */
    public Entry covering(Finding f) {
        if (ignored) {
            return null;
        }
        Entry expired = null;
        for (Entry e : entries) {
            if (e.matches(f)) {
                matches.computeIfAbsent(e.index(), k -> new AtomicInteger()).incrementAndGet();
                if (inForce(e)) {
                    return e;
                }
                expired = expired == null ? e : expired;
            }
        }
        return expired;
    }

    /** True when {@code e} still applies today (its last day included). */
    public boolean inForce(Entry e) {
        return !e.expires().isBefore(today);
    }

    /**
     * A single-subject finding with its exception applied: EXCEPTED when one is in force, the finding with the
     * expired exception named when only that matches, else the finding unchanged. PASS findings are returned as
     * they are (an exception matching nothing is reported as unused).
     */
    public CheckResult apply(CheckResult finding, Finding about) {
        if (finding.status() != CheckStatus.FAIL && finding.status() != CheckStatus.WARN) {
            return finding;
        }
        Entry e = covering(about);
        if (e == null) {
            return finding;
        }
        if (inForce(e)) {
            return excepted(finding.control(), finding.check(), finding.message(), finding.evidence(), e);
        }
        return new CheckResult(finding.control(), finding.check(), finding.status(), finding.message() + " " + expiredNote(List.of(e)),
                withException(finding.evidence(), e), finding.duration());
    }

    /** An EXCEPTED check for a finding (or one item of an aggregate finding) that {@code e} covers. */
    public CheckResult excepted(String control, String check, String message, Map<String, Object> evidence, Entry e) {
        return new CheckResult(control, check, CheckStatus.EXCEPTED, "Excepted until " + e.expires() + " by " + e.path()
                + " (owner " + e.config().owner() + ": " + e.config().reason() + "). " + message, withException(evidence, e));
    }

    /**
     * The items of an aggregate finding (uncovered accounts, unlogged workspaces) split by the exceptions: the items
     * still standing, an EXCEPTED check for each item an exception in force covers, and the note naming the expired
     * exceptions of items that stand again (empty, or a sentence with a leading space).
     */
    public record Partition<T>(List<T> remaining, List<CheckResult> excepted, String expiredNote) {}

    /**
     * @param about     what each item is about
     * @param asFinding the item as a finding of its own (control, check id, message, evidence), used when excepted
     */
    public <T> Partition<T> partition(List<T> items, java.util.function.Function<T, Finding> about,
                                      java.util.function.Function<T, CheckResult> asFinding) {
        List<T> remaining = new ArrayList<>();
        List<CheckResult> excepted = new ArrayList<>();
        List<Entry> expired = new ArrayList<>();
        for (T item : items) {
            Entry e = covering(about.apply(item));
            if (e != null && inForce(e)) {
                CheckResult f = asFinding.apply(item);
                excepted.add(excepted(f.control(), f.check(), f.message(), f.evidence(), e));
            } else {
                remaining.add(item);
                if (e != null) {
                    expired.add(e);
                }
            }
        }
        return new Partition<>(remaining, excepted, expired.isEmpty() ? "" : " " + expiredNote(expired));
    }

    /** The sentence an aggregate finding appends for the items whose exceptions have expired. */
    public String expiredNote(Collection<Entry> expired) {
        if (expired.isEmpty()) {
            return "";
        }
        return expired.stream().distinct().map(e -> e.path() + " (" + e.describe() + "; owner " + e.config().owner() + ") expired on "
                + e.expires()).collect(Collectors.joining("; ", expired.size() == 1 ? "Exception " : "Exceptions ",
                expired.stream().distinct().count() == 1 ? " and no longer applies." : " and no longer apply."));
    }

    /** The checks about the exceptions themselves; call after every finding went through this instance. */
    public List<CheckResult> bookkeeping() {
        List<CheckResult> out = new ArrayList<>();
        if (ignored) {
            return out;
        }
        for (Entry e : entries) {
            int matched = matches.getOrDefault(e.index(), new AtomicInteger()).get();
            Map<String, Object> ev = e.toMap();
            ev.put("matchedFindings", matched);
            if (!inForce(e)) {
                out.add(new CheckResult(CONTROL, "exception-expired:" + e.path(), CheckStatus.WARN, "Exception " + e.path() + " ("
                        + e.describe() + "; owner " + e.config().owner() + ") expired on " + e.expires()
                        + (matched > 0 ? "; the " + matched + " finding" + (matched == 1 ? "" : "s") + " it covered count again. Fix "
                        + (matched == 1 ? "it" : "them") + ", or renew the exception with a new date."
                        : " and matches no finding; remove it."), ev));
            } else if (matched == 0) {
                if (reportUnused) {
                    out.add(new CheckResult(CONTROL, "exception-unused:" + e.path(), CheckStatus.WARN, "Exception " + e.path() + " ("
                            + e.describe() + ") matches no finding: what it excused is fixed or gone; remove it.", ev));
                }
            } else {
                long days = ChronoUnit.DAYS.between(today, e.expires());
                if (days <= ExceptionRules.EXPIRY_WARNING_DAYS) {
                    out.add(new CheckResult(CONTROL, "exception-expiring:" + e.path(), CheckStatus.WARN, "Exception " + e.path() + " ("
                            + e.describe() + "; owner " + e.config().owner() + ") expires on " + e.expires() + ", in " + days
                            + " day" + (days == 1 ? "" : "s") + ": fix the finding or renew the exception before then.", ev));
                }
            }
        }
        return out;
    }

    /** Every exception with its state, for the reports. */
    public List<Map<String, Object>> details() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> m = e.toMap();
            int matched = matches.getOrDefault(e.index(), new AtomicInteger()).get();
            m.put("matchedFindings", matched);
            String state;
            if (ignored) {
                state = "ignored";
            } else if (!inForce(e)) {
                state = "expired";
            } else if (matched == 0) {
                state = "unused";
            } else if (ChronoUnit.DAYS.between(today, e.expires()) <= ExceptionRules.EXPIRY_WARNING_DAYS) {
                state = "expiring";
            } else {
                state = "in-force";
            }
            m.put("state", state);
            out.add(m);
        }
        return out;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    private static Map<String, Object> withException(Map<String, Object> evidence, Entry e) {
        Map<String, Object> ev = new LinkedHashMap<>(evidence);
        ev.put("exception", e.toMap());
        return ev;
    }
}

package io.claudebaseline.exceptions;

import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.config.ExceptionConfig;
import io.claudebaseline.config.Problem;
import io.claudebaseline.facts.AwsFacts;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules an {@code exceptions:} entry must follow. {@link #validate} holds the ones that do not depend on the
 * day (run with every other config rule); {@link #dates} the ones that do, which the engine runs with today's date
 * and grades by action: an expired exception is an error for {@code validate} (the config under review must not
 * carry one) but only a finding for {@code verify}, where the excepted check fails again and says why.
 */
public final class ExceptionRules {

    /** An exception that ends within this many days is warned about ahead of time. */
    public static final int EXPIRY_WARNING_DAYS = 14;

    private static final Pattern ACCOUNT = Pattern.compile(AwsFacts.ACCOUNT_ID_PATTERN);
    private static final Pattern OU = Pattern.compile(AwsFacts.OU_ID_PATTERN);
    private static final Pattern ROOT = Pattern.compile(AwsFacts.ROOT_ID_PATTERN);
    private static final Pattern WORKSPACE = Pattern.compile(AwsFacts.WORKSPACE_ID_PATTERN);
    private static final Pattern IAM_NAME = Pattern.compile(AwsFacts.IAM_NAME_CHARACTERS + "{1,64}");
    private static final Pattern KEY_ID = Pattern.compile("[A-Z0-9]{16,128}");
    private static final Pattern SCP_NAME = Pattern.compile(AwsFacts.SCP_NAME_PATTERN);
    private static final Pattern TRAIL_NAME = Pattern.compile(AwsFacts.TRAIL_NAME_PATTERN);

    private ExceptionRules() {}

    public static List<Problem> validate(BaselineConfig config) {
        List<Problem> p = new ArrayList<>();
        int max = config.audit().maxExceptionDays();
        if (max < 1 || max > 3650) {
            p.add(Problem.error("audit.maxExceptionDays", max + " is out of range; use 1-3650 (default 180)"));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < config.exceptions().size(); i++) {
            String path = "exceptions[" + i + "]";
            ExceptionConfig e = config.exceptions().get(i);
            if (e == null) {
                p.add(Problem.error(path, "empty entry; give check, what it applies to, reason, owner and expires"));
                continue;
            }
            check(config, path, e, p);
            required(path, "reason", e.reason(), "say why the deviation is accepted (a ticket, a plan)", p);
            required(path, "owner", e.owner(), "name who answers for it, e.g. platform-security@example.com", p);
            if (e.expires() == null || e.expires().isBlank()) {
                p.add(Problem.error(path + ".expires", "missing; every exception ends: give its last day as YYYY-MM-DD, at most "
                        + max + " days ahead"));
            } else if (parseDate(e.expires()).isEmpty()) {
                p.add(Problem.error(path + ".expires", quote(e.expires()) + " is not a date; write it as YYYY-MM-DD, e.g. 2027-03-31"));
            }
            String key = identity(e);
            Integer first = seen.putIfAbsent(key, i);
            if (first != null) {
                p.add(Problem.warning(path, "applies to the same finding as exceptions[" + first + "]; keep one"));
            }
        }
        return p;
    }

    /**
     * The day-dependent rules: an expiry in the past, or beyond {@code audit.maxExceptionDays}. Returned as errors;
     * the caller decides (by action) how severe an expired one is — see the class comment.
     */
    public static List<Problem> dates(BaselineConfig config, LocalDate today) {
        List<Problem> p = new ArrayList<>();
        int max = config.audit().maxExceptionDays();
        for (int i = 0; i < config.exceptions().size(); i++) {
            ExceptionConfig e = config.exceptions().get(i);
            Optional<LocalDate> expires = e == null ? Optional.empty() : parseDate(e.expires());
            if (expires.isEmpty()) {
                continue;
            }
            String path = "exceptions[" + i + "].expires";
            if (expires.get().isBefore(today)) {
                p.add(Problem.error(path, e.expires() + PASSED + "; renew it with a new date"
                        + " (at most " + max + " days ahead) or remove it and fix the finding"));
            } else if (expires.get().isAfter(today.plusDays(max))) {
                p.add(Problem.error(path, e.expires() + " is more than " + max + " days ahead (audit.maxExceptionDays); choose a date"
                        + " on or before " + today.plusDays(max) + " and review the exception then"));
            }
        }
        return p;
    }

    /**
     * {@link #dates}, graded for an action: with {@code expiredIsError} (validate: the config under review) an
     * expired exception is an error; otherwise a warning, and verify reports the findings it covered as failing.
     */
    public static List<Problem> dates(BaselineConfig config, LocalDate today, boolean expiredIsError) {
        List<Problem> out = new ArrayList<>();
        for (Problem p : dates(config, today)) {
            out.add(!expiredIsError && p.message().contains(PASSED) ? Problem.warning(p.path(), p.message()) : p);
        }
        return out;
    }

    private static final String PASSED = " has passed, so the exception no longer applies";

    public static Optional<LocalDate> parseDate(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static void check(BaselineConfig config, String path, ExceptionConfig e, List<Problem> p) {
        if (e.check() == null || e.check().isBlank()) {
            p.add(Problem.error(path + ".check", "missing; name the verify check to except, as the reports print it without its"
                    + " subject (one of " + String.join(", ", ExceptableCheck.ids()) + ")"));
            return;
        }
        String id = e.check().trim();
        Optional<ExceptableCheck> known = ExceptableCheck.byId(id);
        if (known.isEmpty()) {
            Optional<String> refused = ExceptableCheck.refusal(id);
            p.add(Problem.error(path + ".check", refused
                    .map(why -> quote(id) + " cannot be excepted: " + why)
                    .orElseGet(() -> quote(id) + " is not a check that exceptions may name" + withoutSubject(id)
                            + "; use one of " + String.join(", ", ExceptableCheck.ids()))));
            return;
        }
        ExceptableCheck c = known.get();
        boolean named = false;
        for (Subject s : Subject.values()) {
            String v = s.of(e);
            if (v == null) {
                continue;
            }
            if (!c.subjects().contains(s)) {
                p.add(Problem.error(path + "." + s.field(), "check " + c.id() + " has no " + s.field() + "; it applies to "
                        + ExceptableCheck.fields(c.subjects())));
                continue;
            }
            named |= c.oneOfRequired().contains(s);
            subject(config, path + "." + s.field(), s, v, p);
        }
        if (!named) {
            p.add(Problem.error(path, "check " + c.id() + " needs " + (c.oneOfRequired().size() == 1 ? "" : "one of ")
                    + ExceptableCheck.fields(c.oneOfRequired()) + ": an exception names what it applies to ("
                    + c.what() + "); it can never except a whole control"));
        }
    }

    private static void subject(BaselineConfig config, String path, Subject s, String v, List<Problem> p) {
        switch (s) {
            case ACCOUNT -> {
                if (!ACCOUNT.matcher(v).matches()) {
                    p.add(Problem.error(path, quote(v) + " is not a 12-digit account id (quote it in YAML)"));
                }
            }
            case OU -> {
                if (ROOT.matcher(v).matches()) {
                    p.add(Problem.error(path, quote(v) + " is the organisation's root: an exception cannot cover the whole organisation;"
                            + " name an OU (ou-...) or an account"));
                } else if (!OU.matcher(v).matches()) {
                    p.add(Problem.error(path, quote(v) + " is not an OU id such as ou-ab12-11111111"));
                }
            }
            case WORKSPACE -> {
                if (!WORKSPACE.matcher(v).matches()) {
                    p.add(Problem.error(path, quote(v) + " is not a workspace id (wrkspc_ followed by letters and digits)"));
                } else if (config.workspaces().stream().noneMatch(w -> w != null && v.equals(w.id()))) {
                    p.add(Problem.warning(path, quote(v) + " is not one of the config's workspaces, so no finding can name it"));
                }
            }
            case USER -> {
                if (!IAM_NAME.matcher(v).matches()) {
                    p.add(Problem.error(path, quote(v) + " is not an IAM user name (1-64 letters, digits and + = , . @ _ -); give the"
                            + " exact name, no wildcards"));
                }
            }
            case KEY -> {
                if (!KEY_ID.matcher(v).matches()) {
                    p.add(Problem.error(path, quote(v) + " is not a service-specific credential id (upper-case letters and digits,"
                            + " as ListServiceSpecificCredentials prints it)"));
                }
            }
            case POLICY -> {
                if (!SCP_NAME.matcher(v).matches()) {
                    p.add(Problem.error(path, quote(v) + " is not an SCP name"));
                }
            }
            case TRAIL -> {
                if (!TRAIL_NAME.matcher(v).matches()) {
                    p.add(Problem.error(path, quote(v) + " is not a trail name"));
                }
            }
            default -> throw new IllegalStateException("unhandled subject " + s);
        }
    }

    /** A hint when the user pasted a whole check id such as {@code shadow-user:111122223333:AeaApiKey-x}. */
    private static String withoutSubject(String id) {
        int colon = id.indexOf(':');
        while (colon > 0) {
            String prefix = id.substring(0, colon);
            if (ExceptableCheck.byId(prefix).isPresent()) {
                return " (give the check as " + prefix + " and what it applies to in its own fields, e.g. account: / user:)";
            }
            colon = id.indexOf(':', colon + 1);
        }
        return "";
    }

    private static void required(String path, String field, String value, String fix, List<Problem> p) {
        if (value == null || value.isBlank()) {
            p.add(Problem.error(path + "." + field, "missing; " + fix));
        }
    }

    /** check + subjects: two exceptions with the same identity except the same findings. */
    static String identity(ExceptionConfig e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.check()).trim());
        for (Subject s : Subject.values()) {
            String v = s.of(e);
            if (v != null) {
                sb.append('|').append(s.field()).append('=').append(v);
            }
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return "'" + (s.length() > 200 ? s.substring(0, 200) + "..." : s) + "'";
    }
}

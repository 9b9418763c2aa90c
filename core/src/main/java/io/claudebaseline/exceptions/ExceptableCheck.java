package io.claudebaseline.exceptions;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The verify checks an exception may name, the subjects each has, and which of them an exception must give.
 * One place: validation, matching and docs/configuration.md all follow this table.
 *
 * <p>An exception always names what it applies to, so it can never except a whole control or organisation. The
 * checks that state whether a control is in place at all (an SCP missing, its content, the trail existing and
 * logging, SCPs enabled on the root, a required control) are not listed: excepting them would make the gate
 * meaningless, and {@link #refusal(String)} says so to the user.
 */
public enum ExceptableCheck {
    ORG_COVERAGE_ACCOUNTS("org-coverage:accounts", "a member account outside the baseline SCPs (or every account beneath an OU)",
            EnumSet.of(Subject.ACCOUNT, Subject.OU), EnumSet.of(Subject.ACCOUNT, Subject.OU)),
    ORG_COVERAGE_OUS("org-coverage:ous", "an OU that does not inherit every baseline SCP",
            EnumSet.of(Subject.OU), EnumSet.of(Subject.OU)),
    SHADOW_USER("shadow-user", "an IAM user matching the shadow-user pattern of long-term keys",
            EnumSet.of(Subject.USER, Subject.ACCOUNT), EnumSet.of(Subject.USER)),
    LONG_TERM_KEY("long-term-key", "an active long-term Claude API key",
            EnumSet.of(Subject.KEY, Subject.USER, Subject.ACCOUNT), EnumSet.of(Subject.KEY, Subject.USER)),
    MEMBER_KEYS("member-keys", "long-term keys and shadow users found in a member account by the member audit",
            EnumSet.of(Subject.ACCOUNT, Subject.USER, Subject.KEY), EnumSet.of(Subject.ACCOUNT)),
    MEMBER_AUDIT("member-audit", "a member account whose keys could not be audited",
            EnumSet.of(Subject.ACCOUNT), EnumSet.of(Subject.ACCOUNT)),
    TRAIL_ACCOUNT_COVERAGE("trail-account-coverage", "an account whose Claude data events the trail does not log",
            EnumSet.of(Subject.ACCOUNT), EnumSet.of(Subject.ACCOUNT)),
    TRAIL_DATA_SELECTORS("trail-data-selectors", "a listed workspace the trail's selectors do not log",
            EnumSet.of(Subject.WORKSPACE), EnumSet.of(Subject.WORKSPACE)),
    TRAIL_REGION_COVERAGE("trail-region-coverage", "a workspace outside the trail's region",
            EnumSet.of(Subject.WORKSPACE), EnumSet.of(Subject.WORKSPACE)),
    TRAIL_LOG_FILE_VALIDATION("trail-log-file-validation", "a trail without log file validation",
            EnumSet.of(Subject.TRAIL), EnumSet.of(Subject.TRAIL)),
    SCP_EXTRA_TARGETS("scp-extra-targets", "a baseline SCP also attached where the config does not list it",
            EnumSet.of(Subject.POLICY), EnumSet.of(Subject.POLICY));

    /**
     * Check ids that exist but may not be excepted, with the reason the user is told. Prefix match on the id as the
     * reports print it.
     */
    private static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("scp-policy-type-enabled", "it is about the whole organisation"),
            Map.entry("org-coverage:management-account", "it is about the whole organisation"),
            Map.entry("org-coverage:account", "it is verify --account's release gate for that account; attach the SCPs or do not enable Claude Platform there"),
            Map.entry("workspace-not-in-management-account", "it is about the whole organisation"),
            Map.entry("scp-exists", "it says whether a control is in place at all"),
            Map.entry("scp-content", "it says whether a control is in place at all"),
            Map.entry("scp-attached", "it says whether a control is in place at a configured target; remove the target from targets instead"),
            Map.entry("scp-stale", "it says whether the live SCPs match the config"),
            Map.entry("scenario", "it proves what a control denies"),
            Map.entry("trail-exists", "it says whether the CloudTrail control is in place at all"),
            Map.entry("trail-logging", "it says whether the CloudTrail control is in place at all"),
            Map.entry("require", "a required control being absent can never be excepted"),
            Map.entry("required-control", "a required control being absent can never be excepted"),
            Map.entry("exception-", "it reports on the exceptions themselves"));

    private final String id;
    private final String what;
    private final Set<Subject> subjects;
    private final Set<Subject> oneOfRequired;

    ExceptableCheck(String id, String what, Set<Subject> subjects, Set<Subject> oneOfRequired) {
        this.id = id;
        this.what = what;
        this.subjects = subjects;
        this.oneOfRequired = oneOfRequired;
    }

    /** The check id as the reports print it, without subject parts. */
    public String id() {
        return id;
    }

    /** What a finding of this check is about, for docs and messages. */
    public String what() {
        return what;
    }

    /** The subject fields an exception of this check may give. */
    public Set<Subject> subjects() {
        return subjects;
    }

    /** An exception must give at least one of these, so it names what it applies to. */
    public Set<Subject> oneOfRequired() {
        return oneOfRequired;
    }

    public static Optional<ExceptableCheck> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    /** Why {@code id} cannot be excepted, when it is a known check that exceptions may not cover. */
    public static Optional<String> refusal(String id) {
        return REFUSED.entrySet().stream()
                .filter(e -> id.equals(e.getKey()) || id.startsWith(e.getKey().endsWith("-") ? e.getKey() : e.getKey() + ":"))
                .map(Map.Entry::getValue).findFirst();
    }

    /** The ids, for messages. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(ExceptableCheck::id).toList();
    }

    /** {@code user, account} — the subject fields, for messages. */
    static String fields(Set<Subject> subjects) {
        return subjects.stream().map(Subject::field).collect(Collectors.joining(", "));
    }
}

package io.claudebaseline.secrets;

import io.claudebaseline.config.ConfigException;
import io.claudebaseline.config.Problem;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.engine.api.Progress;
import io.claudebaseline.verify.CheckResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place every output of a run passes before it is printed, reported or returned: progress lines, the
 * result (summary, checks, warnings, details — so report.json, junit.xml and summary.md too, which are written
 * from it), and exceptions with their whole cause chain (so a debug stack trace too).
 *
 * <p>Two layers. The exact values of the run's secrets — the secret access key and session token of every
 * credential the run resolved, and the external ids it was given — are replaced wherever they appear, also
 * URL-encoded (AWS's query protocol sends them form-encoded). And the shapes AWS request text takes are
 * removed whatever their value: SigV4 signatures and credential scopes, access key ids, security-token headers
 * and {@code ExternalId=} parameters, because an endpoint (a proxy, an emulator, a hostile server) may reflect
 * the request into its error text. A run's values are registered as the run learns them ({@link #add}), from
 * any thread.
 */
public final class Redactor {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    /** A redactor that knows no exact values (it still removes the request-text shapes). */
    public static Redactor patternsOnly() {
        return new Redactor();
    }

    private static final List<Pattern> SHAPES = List.of(
            // SigV4 Authorization header parts, and their presigned-URL forms
            Pattern.compile("(?i)(Signature\\s*=\\s*)[0-9a-f]+"),
            Pattern.compile("(?i)(Credential\\s*=\\s*)[^,\\s&\"']+"),
            Pattern.compile("(?i)(X-Amz-Signature\\s*=\\s*)[^&\\s\"']+"),
            Pattern.compile("(?i)(X-Amz-Credential\\s*=\\s*)[^&\\s\"']+"),
            // the session token header and query parameter, in header, query and JSON forms
            Pattern.compile("(?i)(X-Amz-Security-Token\"?\\s*[:=]\\s*\"?)[^\\s&\"',;]+"),
            Pattern.compile("(?i)(SecurityToken\"?\\s*[:=]\\s*\"?)[^\\s&\"',;]+"),
            Pattern.compile("(?i)(SessionToken\"?\\s*[:=]\\s*\"?)[^\\s&\"',;]+"),
            Pattern.compile("(?i)(SecretAccessKey\"?\\s*[:=]\\s*\"?)[^\\s&\"',;]+"),
            // STS AssumeRole's ExternalId, form-encoded or JSON
            Pattern.compile("(?i)(ExternalId\"?\\s*[:=]\\s*\"?)[^\\s&\"',;]+"),
            // access key ids: long-term (AKIA) and temporary (ASIA)
            Pattern.compile("()\\b(?:AKIA|ASIA)[A-Z0-9]{12,}\\b"));

    private final Set<String> values = ConcurrentHashMap.newKeySet();
    /** {@link #values} longest first, rebuilt when a value is added (null: rebuild on next use). */
    private volatile List<String> sortedValues = List.of();

    private Redactor() {}

    /**
     * A redactor knowing the secrets the request carries: AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN from its
     * environment and its external id. Credentials resolved later (a profile, the Jenkins credentials, an assumed
     * role) are added by the AWS client factory as they are resolved.
     */
    public static Redactor forRequest(EngineRequest request) {
        Redactor r = new Redactor();
        if (request != null) {
            r.add(request.environment().get("AWS_SECRET_ACCESS_KEY"));
            r.add(request.environment().get("AWS_SESSION_TOKEN"));
            r.add(request.externalId());
        }
        return r;
    }

    /** Registers a secret value of this run (null and blank are ignored). Thread-safe. */
    public void add(String secret) {
        if (secret == null || secret.isBlank()) {
            return;
        }
        values.add(secret);
        values.add(secret.trim());
        String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        values.add(encoded);
        // Some encoders leave '~' and encode ' ' as %20: add that form too.
        values.add(encoded.replace("+", "%20"));
        sortedValues = null;
    }

    private List<String> sortedValues() {
        List<String> sorted = sortedValues;
        if (sorted == null) {
            // Longest first, so a value containing another is masked whole.
            List<String> copy = new ArrayList<>(values);
            copy.sort(Comparator.comparingInt(String::length).reversed());
            sorted = List.copyOf(copy);
            sortedValues = sorted;
        }
        return sorted;
    }

    /**
     * False only when no shape can match {@code text}: it contains none of the words one of the {@link #SHAPES}
     * must contain — signature, credential, security, sessiontoken, secretaccesskey, externalid (ASCII case
     * ignored, as the shapes' (?i) does) and AKIA or ASIA (as written). Such a text is not given to the regular
     * expressions: a simulate run passes tens of thousands of check messages here, and scanning each with ten
     * patterns was most of its time. One pass, no copy of the text.
     */
    static boolean mayHaveShape(String text) {
        // Scanned as a char array: String.charAt is a call per character under the launcher's C1 compiler, and a
        // report run scans every check's message.
        int length = text.length();
        char[] chars = CHARS.get();
        if (chars.length < length) {
            chars = new char[Math.max(length, 2 * chars.length)];
            CHARS.set(chars);
        }
        text.getChars(0, length, chars, 0);
        int n = length - 1; // every word is longer than one character
        for (int i = 0; i < n; i++) {
            // Dispatch on the first two letters, so the common letters s, c and e cost one more comparison.
            switch (chars[i]) {
                case 'A':
                    if (exactAt(chars, length, i + 1, "KIA") || exactAt(chars, length, i + 1, "SIA")) {
                        return true;
                    }
                    break;
                case 's', 'S':
                    char next = lower(chars[i + 1]);
                    if (next == 'i' && wordAt(chars, length, i, "signature")
                            || next == 'e' && (wordAt(chars, length, i, "security") || wordAt(chars, length, i, "sessiontoken")
                            || wordAt(chars, length, i, "secretaccesskey"))) {
                        return true;
                    }
                    break;
                case 'c', 'C':
                    if (lower(chars[i + 1]) == 'r' && wordAt(chars, length, i, "credential")) {
                        return true;
                    }
                    break;
                case 'e', 'E':
                    if (lower(chars[i + 1]) == 'x' && wordAt(chars, length, i, "externalid")) {
                        return true;
                    }
                    break;
                default:
                    break;
            }
        }
        return false;
    }

    /** Each thread's buffer for {@link #mayHaveShape}; grows to the longest text scanned. */
    private static final ThreadLocal<char[]> CHARS = ThreadLocal.withInitial(() -> new char[1024]);

    /**
     * {@code word} (lower case ASCII) at {@code at} in the first {@code length} of {@code chars}, ASCII letters
     * compared ignoring case as (?i) does.
     */
    private static boolean wordAt(char[] chars, int length, int at, String word) {
        if (at + word.length() > length) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (lower(chars[at + k]) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** {@code word} at {@code at} in the first {@code length} of {@code chars}, as written. */
    private static boolean exactAt(char[] chars, int length, int at, String word) {
        if (at + word.length() > length) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (chars[at + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** {@code text} with every secret value and every request-text shape masked; null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        List<String> sorted = sortedValues();
        for (int i = 0; i < sorted.size(); i++) { // indexed: no iterator for each of a run's tens of thousands of texts
            String v = sorted.get(i);
            if (out.contains(v)) {
                out = out.replace(v, MASK);
            }
        }
        if (!mayHaveShape(out)) {
            return out;
        }
        for (Pattern p : SHAPES) {
            Matcher m = p.matcher(out);
            if (m.find()) {
                out = m.replaceAll(mr -> Matcher.quoteReplacement(mr.group(1) + MASK));
            }
        }
        return out;
    }

    /** True when {@link #redact} would change {@code text}. */
    public boolean needsRedaction(String text) {
        return text != null && !text.equals(redact(text));
    }

    /** Progress whose every line is redacted before {@code progress} sees it. */
    public Progress redacting(Progress progress) {
        return line -> progress.line(redact(line));
    }

    /** The result with every message, evidence value and detail redacted. */
    public EngineResult redact(EngineResult result) {
        if (result == null) {
            return null;
        }
        List<CheckResult> checks = redactChecks(result.checks());
        List<Problem> warnings = result.warnings().stream().map(this::redact).toList();
        return new EngineResult(result.action(), result.compliant(), result.changes(), checks, warnings, result.artifacts(),
                result.reportDir(), redact(result.summary()), redactMap(result.details()));
    }

    /**
     * The checks redacted. The engine passes a result here twice (before writing its reports and on the way out);
     * the list returned last is remembered with the number of values known then, so the second pass over tens of
     * thousands of checks costs nothing unless a secret was learnt in between.
     */
    private List<CheckResult> redactChecks(List<CheckResult> checks) {
        CleanChecks last = lastCleanChecks;
        if (last != null && last.checks() == checks && last.known() == values.size()) {
            return checks;
        }
        int known = values.size();
        List<CheckResult> out = new ArrayList<>(checks.size());
        boolean same = true;
        // The checks of a run share most of their evidence strings (principal, action and resource ARNs, statement
        // names, near misses): each distinct instance is scanned once per pass.
        java.util.IdentityHashMap<Object, Boolean> clean = new java.util.IdentityHashMap<>();
        for (CheckResult c : checks) {
            CheckResult r = redact(c, clean);
            same &= r == c;
            out.add(r);
        }
        List<CheckResult> result = same ? checks : List.copyOf(out);
        lastCleanChecks = new CleanChecks(result, known);
        return result;
    }

    /** The checks list {@link #redactChecks} returned last and the size of {@link #values} when it did. */
    private record CleanChecks(List<CheckResult> checks, int known) {}

    private volatile CleanChecks lastCleanChecks;

    /**
     * The check with its texts and evidence redacted; the check itself when nothing in it needs redaction (the
     * usual case), so that a run of many checks is not copied whole.
     */
    public CheckResult redact(CheckResult c) {
        return redact(c, new java.util.IdentityHashMap<>());
    }

    /** {@link #redact(CheckResult)}; {@code clean} holds the strings and lists already found clean in this pass. */
    private CheckResult redact(CheckResult c, Map<Object, Boolean> clean) {
        String control = c.control();
        if (control != null && !clean.containsKey(control)) { // a run's checks share a few control ids
            control = redact(control);
            if (control == c.control()) {
                clean.put(control, Boolean.TRUE);
            }
        }
        String check = redact(c.check());
        if (c.details() != null) {
            // A deferred check stays deferred: its texts are redacted whenever they are built (see RedactedDetails).
            if (c.details() instanceof RedactedDetails r && r.redactor == this && control == c.control() && check == c.check()) {
                return c;
            }
            return CheckResult.deferred(control, check, c.status(), new RedactedDetails(this, c.details()), c.duration());
        }
        String message = redact(c.message());
        if (control == c.control() && check == c.check() && message == c.message() && isClean(c.evidence(), clean)) {
            return c;
        }
        return new CheckResult(control, check, c.status(), message, redactMap(c.evidence()), c.duration());
    }

    /**
     * A deferred check's message and evidence, redacted each time they are built, with the values known then (never
     * fewer than when the check passed the redactor). Building gives the same texts every time, so a message found
     * clean is not scanned again while no value has been learnt; evidence strings and lists, which the checks of a
     * run share, are remembered by identity across checks ({@link #deferredClean}).
     */
    private static final class RedactedDetails implements CheckResult.Details {
        final Redactor redactor;
        final CheckResult.Details inner;
        /** The size of the redactor's values when this message was last found clean; -1: not yet. */
        private volatile int messageCleanAt = -1;

        RedactedDetails(Redactor redactor, CheckResult.Details inner) {
            this.redactor = redactor;
            this.inner = inner;
        }

        @Override
        public String message() {
            String raw = inner.message();
            int known = redactor.values.size(); // values are only ever added: the same size is the same set
            if (messageCleanAt == known) {
                return raw;
            }
            String out = redactor.redact(raw);
            if (out == raw) {
                messageCleanAt = known;
            }
            return out;
        }

        @Override
        public Map<String, Object> evidence() {
            Map<String, Object> raw = inner.evidence();
            return redactor.cleanDeferred(raw) ? raw : redactor.redactMap(raw);
        }

        @Override
        public Object evidenceValue(String key) {
            Object raw = inner.evidenceValue(key);
            return redactor.cleanDeferred(raw) ? raw : redactor.redactValue(raw);
        }
    }

    /** Strings and lists of deferred checks' evidence found clean (by identity) while {@link #values} had {@link #deferredCleanAt}. */
    private final Map<Object, Boolean> deferredClean = new java.util.IdentityHashMap<>();
    private int deferredCleanAt;

    /** {@link #isClean} for deferred checks' evidence, remembering across checks until a value is learnt. */
    private synchronized boolean cleanDeferred(Object value) {
        int known = values.size();
        if (known != deferredCleanAt) {
            deferredClean.clear();
            deferredCleanAt = known;
        }
        return isClean(value, deferredClean);
    }

    /**
     * True when {@link #redactValue} would return a value equal to {@code value}: nothing in it needs redaction.
     * Strings and lists found clean are remembered by identity in {@code clean}.
     */
    private boolean isClean(Object value, Map<Object, Boolean> clean) {
        if (value instanceof String s) {
            if (clean.containsKey(s)) {
                return true;
            }
            boolean ok = redact(s) == s;
            if (ok) {
                clean.put(s, Boolean.TRUE);
            }
            return ok;
        }
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String key) || !isClean(key, clean) || !isClean(e.getValue(), clean)) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof List<?> l) {
            if (clean.containsKey(l)) {
                return true;
            }
            for (Object v : l) {
                if (!isClean(v, clean)) {
                    return false;
                }
            }
            clean.put(l, Boolean.TRUE);
            return true;
        }
        return value == null || value instanceof Path || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>
                || !needsRedaction(String.valueOf(value));
    }

    public Problem redact(Problem p) {
        return new Problem(p.severity(), redact(p.path()), redact(p.message()));
    }

    /** Strings anywhere in maps and lists redacted; other values kept. */
    public Object redactValue(Object value) {
        if (value instanceof String s) {
            return redact(s);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(redact(String.valueOf(k)), redactValue(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(redactValue(v)));
            return out;
        }
        if (value == null || value instanceof Path || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>
                || !needsRedaction(String.valueOf(value))) {
            return value;
        }
        // Another object (a record, say) holding a secret: redact its JSON form, keeping the structure reports show.
        try {
            return redactValue(Tree.MAPPER.convertValue(value, Object.class));
        } catch (IllegalArgumentException notConvertible) {
            return redact(String.valueOf(value));
        }
    }

    /**
     * Created on first use (a non-text value that needs redacting is rare): every run builds a Redactor, and this
     * mapper, which scans the class path for modules, was the first and dearest part of Jackson's start-up.
     */
    private static final class Tree {
        static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper()
                .findAndRegisterModules().disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    private Map<String, Object> redactMap(Map<String, Object> map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) redactValue(map);
        return out;
    }

    /**
     * {@code e} itself when neither it nor any cause or suppressed exception carries a secret; else an exception
     * of the same kind (so adapters map it to the same message and exit code) whose messages, and whose whole
     * cause chain, are redacted. Stack frames are kept: they hold code locations, never data.
     */
    public Exception redact(Exception e) {
        if (e == null || !chainNeedsRedaction(e, 0)) {
            return e;
        }
        Throwable cause = e.getCause() == null ? null : redactedCopy(e.getCause(), 0);
        Exception out = sameKind(e, cause);
        out.setStackTrace(e.getStackTrace());
        for (Throwable s : e.getSuppressed()) {
            out.addSuppressed(redactedCopy(s, 0));
        }
        return out;
    }

    private Exception sameKind(Exception e, Throwable cause) {
        String message = redact(e.getMessage());
        if (e instanceof io.claudebaseline.aws.AwsOperationException a) {
            return new io.claudebaseline.aws.AwsOperationException(a.operation(), redact(a.resource()), a.kind(), message, cause);
        }
        if (e instanceof ConfigException c) {
            return c.withText(this::redact);
        }
        if (e instanceof java.nio.file.NoSuchFileException n) {
            java.nio.file.NoSuchFileException copy = new java.nio.file.NoSuchFileException(redact(n.getFile()));
            copy.initCause(cause);
            return copy;
        }
        if (e instanceof java.io.IOException) {
            return new java.io.IOException(message, cause);
        }
        if (e instanceof IllegalArgumentException) {
            return new IllegalArgumentException(message, cause);
        }
        if (e instanceof IllegalStateException) {
            return new IllegalStateException(message, cause);
        }
        return new RedactedException(e.getClass().getName(), message, cause);
    }

    private static final int MAX_DEPTH = 32;

    private boolean chainNeedsRedaction(Throwable t, int depth) {
        if (t == null || depth > MAX_DEPTH) {
            return false;
        }
        if (needsRedaction(t.getMessage()) || needsRedaction(t.toString())) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (chainNeedsRedaction(s, depth + 1)) {
                return true;
            }
        }
        return t.getCause() != t && chainNeedsRedaction(t.getCause(), depth + 1);
    }

    /** A stand-in for {@code t}: its class name, its redacted message, its stack, and redacted stand-ins of its causes. */
    private Throwable redactedCopy(Throwable t, int depth) {
        Throwable cause = t.getCause() == null || t.getCause() == t || depth >= MAX_DEPTH ? null : redactedCopy(t.getCause(), depth + 1);
        RedactedException copy = new RedactedException(t.getClass().getName(), redact(t.getMessage()), cause);
        copy.setStackTrace(t.getStackTrace());
        for (Throwable s : t.getSuppressed()) {
            copy.addSuppressed(redactedCopy(s, depth + 1));
        }
        return copy;
    }

    /**
     * An exception whose text was redacted. It prints as the original would ({@code original.Class: message}),
     * so a stack trace reads as before, minus the secrets.
     */
    public static final class RedactedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String originalClass;

        RedactedException(String originalClass, String message, Throwable cause) {
            super(message, cause);
            this.originalClass = originalClass;
        }

        /** The class of the exception this stands for. */
        public String originalClass() {
            return originalClass;
        }

        @Override
        public String toString() {
            return getMessage() == null ? originalClass : originalClass + ": " + getMessage();
        }
    }
}

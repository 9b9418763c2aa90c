package io.claudebaseline.exceptions;

import io.claudebaseline.config.ExceptionConfig;
import java.util.Locale;
import java.util.function.Function;

/** What an exception can apply to: the config field naming it, and how to read that field. */
public enum Subject {
    ACCOUNT(ExceptionConfig::account),
    OU(ExceptionConfig::ou),
    POLICY(ExceptionConfig::policy),
    USER(ExceptionConfig::user),
    KEY(ExceptionConfig::key),
    WORKSPACE(ExceptionConfig::workspace),
    TRAIL(ExceptionConfig::trail);

    private final Function<ExceptionConfig, String> field;

    Subject(Function<ExceptionConfig, String> field) {
        this.field = field;
    }

    /** The config field name, e.g. {@code account}. */
    public String field() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value the exception gives for this subject, or null when it names none. */
    public String of(ExceptionConfig e) {
        String v = field.apply(e);
        return v == null || v.isBlank() ? null : v.trim();
    }
}

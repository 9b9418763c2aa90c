package io.claudebaseline.config;

/**
 * One accepted deviation from the baseline, as the user wrote it under {@code exceptions:}. It names a verify check
 * and what it applies to (the subject fields the check has), and carries who accepted it, why, and until when.
 * Which checks may be excepted, and with which subjects, is {@link io.claudebaseline.exceptions.ExceptableCheck}'s.
 *
 * @param check     a verify check id as the reports print it, without its subject parts (e.g. {@code shadow-user})
 * @param account   a 12-digit account id
 * @param ou        an OU id ({@code ou-...}); for account coverage, every account beneath it
 * @param policy    an SCP name
 * @param user      an IAM user name
 * @param key       a service-specific credential id
 * @param workspace a workspace id
 * @param trail     a trail name
 * @param reason    why the deviation is accepted (a ticket, a plan)
 * @param owner     who answers for it (a person or team address)
 * @param expires   last day it applies, {@code YYYY-MM-DD}; it stops excepting the day after
 */
public record ExceptionConfig(
        String check,
        String account,
        String ou,
        String policy,
        String user,
        String key,
        String workspace,
        String trail,
        String reason,
        String owner,
        String expires) {
}

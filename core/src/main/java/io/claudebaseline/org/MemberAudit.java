package io.claudebaseline.org;

import io.claudebaseline.aws.AwsClients;
import io.claudebaseline.aws.AwsOperationException;
import io.claudebaseline.engine.api.Progress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The long-term key audit of member accounts: in each account, assume the audit role and list shadow users and
 * Claude long-term keys. Accounts are audited {@code concurrency} at a time; one that cannot be audited
 * (AccessDenied, role missing, timeout) yields a reason for a WARN and the audit goes on with the others.
 */
public final class MemberAudit {
    private MemberAudit() {}

    /**
     * What the audit of one account found.
     *
     * @param accountId the account
     * @param inventory its shadow users and keys, or null when it could not be audited
     * @param failure   why it could not be audited (one sentence, no secrets), or null
     */
    public record Outcome(String accountId, AccountKeyScan.Inventory inventory, String failure) {
        public boolean audited() {
            return failure == null;
        }
    }

    /**
     * @param accountIds  member accounts to audit (never the management account: the caller's own audit covers it)
     * @param aws         clients of the management account; {@link AwsClients#forAccount} reaches each member
     * @param roleName    role to assume in each member account
     * @param externalId  external id for that role, or null
     * @param concurrency accounts audited at once (at least 1)
     * @param pattern     shadow-user name pattern
     * @param maxAgeDays  denyLongTermKeyCreation.maxAgeDays when that control is on, else null: keys within it are allowed
     * @param clock       nanosecond clock for the progress line's interval (System::nanoTime outside tests)
     * @return one outcome per account, sorted by account id
     */
    public static List<Outcome> run(List<String> accountIds, AwsClients aws, String roleName, String externalId,
                                    int concurrency, String pattern, Integer maxAgeDays, Progress progress, LongSupplier clock) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        NamePattern shadowUsers = new NamePattern(pattern);
        int threads = Math.max(1, Math.min(concurrency, accountIds.size()));
        progress.line("auditing long-term keys in " + accountIds.size() + " member account"
                + (accountIds.size() == 1 ? "" : "s") + " (role " + roleName + ", " + threads + " at a time)");
        ProgressMeter meter = new ProgressMeter(progress, "accounts", accountIds.size(), clock);
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            ExecutorCompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
            for (String id : accountIds) {
                done.submit(() -> auditOne(id, aws, roleName, externalId, shadowUsers, maxAgeDays));
            }
            List<Outcome> outcomes = new ArrayList<>(accountIds.size());
            for (int i = 0; i < accountIds.size(); i++) {
                Future<Outcome> next = done.take();
                try {
                    outcomes.add(next.get());
                } catch (ExecutionException e) {
                    // auditOne catches everything it can explain; anything else is a bug, not an account problem
                    throw new IllegalStateException("member-account audit failed unexpectedly", e.getCause());
                }
                meter.completed();
            }
            outcomes.sort(Comparator.comparing(Outcome::accountId));
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("member-account audit interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    static Outcome auditOne(String accountId, AwsClients aws, String roleName, String externalId, NamePattern pattern,
                            Integer maxAgeDays) {
        try (AwsClients member = aws.forAccount(accountId, roleName, externalId)) {
            return new Outcome(accountId, AccountKeyScan.scan(member.iam(), pattern, maxAgeDays), null);
        } catch (RuntimeException e) {
            return new Outcome(accountId, null, reason(accountId, roleName, e));
        }
    }

    /**
     * One sentence saying why an account could not be audited and what to do; never the SDK's raw text (it can
     * echo request details). Calls made through {@link io.claudebaseline.aws.AwsOperation} already fail with such a
     * sentence; anything else is described from its error code or type.
     */
    static String reason(String accountId, String roleName, RuntimeException e) {
        if (e instanceof AwsOperationException op) {
            return op.getMessage();
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return "timed out auditing account " + accountId + " through role " + roleName + "; retry, or raise the client timeout.";
        }
        if (e instanceof StsException sts) {
            String code = errorCode(sts);
            if (isAccessDenied(code, sts.statusCode())) {
                return "cannot assume role " + roleName + " in account " + accountId + " (" + code + "): the role is missing "
                        + "or its trust policy does not trust this principal; create it or set audit.roleName / audit.externalId.";
            }
            return "cannot assume role " + roleName + " in account " + accountId + " (" + code + ").";
        }
        if (e instanceof AwsServiceException service) {
            String code = errorCode(service);
            if (isAccessDenied(code, service.statusCode())) {
                return "role " + roleName + " in account " + accountId + " was denied (" + code
                        + "); grant it iam:ListUsers and iam:ListServiceSpecificCredentials.";
            }
            return "auditing account " + accountId + " failed (" + code + ", HTTP " + service.statusCode() + ").";
        }
        if (e instanceof SdkClientException) {
            return "auditing account " + accountId + " did not reach AWS (" + e.getClass().getSimpleName()
                    + "); check the network and retry.";
        }
        return "could not audit account " + accountId + " (" + e.getClass().getSimpleName() + ").";
    }

    private static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                ? e.awsErrorDetails().errorCode() : "HTTP " + e.statusCode();
    }

    private static boolean isAccessDenied(String code, int status) {
        return status == 403 || code.startsWith("AccessDenied") || code.equals("UnauthorizedOperation");
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "member-audit-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

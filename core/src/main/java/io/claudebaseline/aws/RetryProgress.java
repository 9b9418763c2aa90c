package io.claudebaseline.aws;

import io.claudebaseline.engine.api.Progress;
import java.time.Duration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * One progress line per retry of an attempt that got no answer (timeout, refused or reset connection) or a
 * server error, so an endpoint that never answers is seen at once instead of after every attempt's timeout.
 * Throttled attempts are not printed: they are expected at organisation scale and counted in the call statistics.
 *
 * <p>The SDK runs {@code beforeTransmission} before every attempt and {@code afterTransmission} only when an
 * answer arrived, so an attempt that starts without an answer recorded for the previous one follows a failure
 * without an answer.
 */
final class RetryProgress implements ExecutionInterceptor {
    private static final ExecutionAttribute<Integer> ATTEMPT = new ExecutionAttribute<>("claude-baseline.attempt");
    private static final ExecutionAttribute<Integer> LAST_STATUS = new ExecutionAttribute<>("claude-baseline.last-status");

    private static final int NO_ANSWER = -1;

    private final Progress progress;
    private final int maxAttempts;
    private final Duration attemptTimeout;

    RetryProgress(Progress progress, int maxAttempts, Duration attemptTimeout) {
        this.progress = progress;
        this.maxAttempts = maxAttempts;
        this.attemptTimeout = attemptTimeout;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Integer previous = attributes.getAttribute(ATTEMPT);
        int attempt = previous == null ? 1 : previous + 1;
        attributes.putAttribute(ATTEMPT, attempt);
        Integer status = attributes.getAttribute(LAST_STATUS);
        attributes.putAttribute(LAST_STATUS, NO_ANSWER);
        if (attempt == 1) {
            return;
        }
        String why;
        if (status == null || status == NO_ANSWER) {
            why = "got no answer within " + seconds(attemptTimeout) + " (or the connection failed)";
        } else if (status >= 500) {
            why = "answered HTTP " + status;
        } else {
            return;
        }
        progress.line(operation(attributes) + ": attempt " + (attempt - 1) + " of " + maxAttempts + " " + why + "; trying again"
                + " (attempt " + attempt + ").");
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        attributes.putAttribute(LAST_STATUS, context.httpResponse().statusCode());
    }

    private static String operation(ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String prefix = AwsOperation.Service.bySdkServiceId(service).map(AwsOperation.Service::prefix).orElse(String.valueOf(service));
        return prefix + ":" + operation;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}

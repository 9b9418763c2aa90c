package io.claudebaseline.aws;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * How the clients of one run behave on the wire: retries and backoff, timeouts, the Organizations rate limit,
 * and an optional decorator of the HTTP client (tests inject AWS's strict errors there).
 *
 * @param maxAttempts         attempts per call, first one included (the SDK's standard retry strategy)
 * @param backoffBase         base delay of the exponential backoff with jitter (throttled calls wait 5× longer)
 * @param backoffMax          cap of one backoff delay
 * @param apiCallTimeout      whole call, all attempts included
 * @param attemptTimeout      one attempt
 * @param organizationsRateScale multiplies AWS's documented Organizations rates; 0 turns the limiter off
 * @param httpClientDecorator wraps the HTTP client (identity in production)
 */
public record AwsClientSettings(
        int maxAttempts,
        Duration backoffBase,
        Duration backoffMax,
        Duration apiCallTimeout,
        Duration attemptTimeout,
        double organizationsRateScale,
        UnaryOperator<SdkHttpClient> httpClientDecorator) {

    /** Environment variable: attempts per call (default 8). */
    public static final String ENV_MAX_ATTEMPTS = "CLAUDE_BASELINE_AWS_MAX_ATTEMPTS";
    /** Environment variable: {@code off}, or a factor applied to AWS's documented Organizations rates (default 1). */
    public static final String ENV_ORG_RATE_LIMIT = "CLAUDE_BASELINE_ORG_RATE_LIMIT";

    public AwsClientSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(ENV_MAX_ATTEMPTS + " must be at least 1, got " + maxAttempts);
        }
        if (organizationsRateScale < 0) {
            throw new IllegalArgumentException(ENV_ORG_RATE_LIMIT + " must be 'off' or a positive factor, got " + organizationsRateScale);
        }
        httpClientDecorator = httpClientDecorator == null ? UnaryOperator.identity() : httpClientDecorator;
    }

    /**
     * Production defaults: 8 attempts with backoff from 100 ms (throttling from 500 ms) up to 20 s, 10 s per
     * attempt (the calls the tool makes answer in well under a second), 60 s per call with every attempt and
     * backoff included, AWS's documented Organizations rates. So an endpoint that never answers fails a call
     * after at most {@value #CALL_TIMEOUT_SECONDS} s, with a progress line per retry, instead of minutes of silence.
     */
    public static AwsClientSettings defaults() {
        return new AwsClientSettings(8, Duration.ofMillis(100), Duration.ofSeconds(20), Duration.ofSeconds(CALL_TIMEOUT_SECONDS),
                Duration.ofSeconds(ATTEMPT_TIMEOUT_SECONDS), 1.0, UnaryOperator.identity());
    }

    /** Default bound of one call, all attempts and backoff included (seconds). */
    public static final int CALL_TIMEOUT_SECONDS = 60;
    /** Default bound of one attempt (seconds); also the HTTP read timeout. */
    public static final int ATTEMPT_TIMEOUT_SECONDS = 10;

    /** Defaults, overridden by {@link #ENV_MAX_ATTEMPTS} and {@link #ENV_ORG_RATE_LIMIT} from {@code env}. */
    public static AwsClientSettings fromEnvironment(Map<String, String> env) {
        AwsClientSettings s = defaults();
        String attempts = env.get(ENV_MAX_ATTEMPTS);
        if (attempts != null && !attempts.isBlank()) {
            try {
                s = s.withMaxAttempts(Integer.parseInt(attempts.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(ENV_MAX_ATTEMPTS + " must be a whole number, got '" + attempts + "'", e);
            }
        }
        String rate = env.get(ENV_ORG_RATE_LIMIT);
        if (rate != null && !rate.isBlank()) {
            String r = rate.trim().toLowerCase(Locale.ROOT);
            try {
                s = s.withOrganizationsRateScale(r.equals("off") ? 0 : Double.parseDouble(r));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(ENV_ORG_RATE_LIMIT + " must be 'off' or a positive factor such as 0.5, got '" + rate + "'", e);
            }
        }
        return s;
    }

    /**
     * For tests against an emulator: 2 attempts, 1 ms backoff, short timeouts, no rate limit — so an injected fault
     * or an unsupported call fails fast.
     */
    public static AwsClientSettings forTests() {
        return new AwsClientSettings(2, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(60),
                Duration.ofSeconds(30), 0, UnaryOperator.identity());
    }

    public AwsClientSettings withMaxAttempts(int n) {
        return new AwsClientSettings(n, backoffBase, backoffMax, apiCallTimeout, attemptTimeout, organizationsRateScale, httpClientDecorator);
    }

    public AwsClientSettings withOrganizationsRateScale(double scale) {
        return new AwsClientSettings(maxAttempts, backoffBase, backoffMax, apiCallTimeout, attemptTimeout, scale, httpClientDecorator);
    }

    public AwsClientSettings withHttpClientDecorator(UnaryOperator<SdkHttpClient> decorator) {
        return new AwsClientSettings(maxAttempts, backoffBase, backoffMax, apiCallTimeout, attemptTimeout, organizationsRateScale, decorator);
    }

    public AwsClientSettings withTimeouts(Duration call, Duration attempt) {
        return new AwsClientSettings(maxAttempts, backoffBase, backoffMax, call, attempt, organizationsRateScale, httpClientDecorator);
    }

    public AwsClientSettings withBackoff(Duration base, Duration max) {
        return new AwsClientSettings(maxAttempts, base, max, apiCallTimeout, attemptTimeout, organizationsRateScale, httpClientDecorator);
    }

    public boolean rateLimited() {
        return organizationsRateScale > 0;
    }
}

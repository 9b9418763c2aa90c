package io.claudebaseline.aws;

import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.Progress;
import io.claudebaseline.secrets.Redactor;
import io.claudebaseline.facts.AwsFacts;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Builds the clients for one run from the request.
 *
 * <ul>
 *   <li>Credentials, first match wins: {@link EngineRequest#credentials()} (the Jenkins step's credentials);
 *       an explicit profile {@link EngineRequest#profile()} ({@code --profile}: what the user typed beats stale
 *       variables, as in the AWS CLI); static keys {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}
 *       [/{@code AWS_SESSION_TOKEN}] from {@link EngineRequest#environment()}; {@code AWS_PROFILE}; the SDK's
 *       default chain. Then, if {@link EngineRequest#roleArn()} is set, that role is assumed (session name
 *       {@value AwsFacts#ROLE_SESSION_NAME}, optional external id) and used for every call.</li>
 *   <li>Region: {@link EngineRequest#region()}, else {@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}, else
 *       {@value AwsFacts#DEFAULT_REGION}. Organizations always goes to its home region in that partition;
 *       CloudTrail to the region asked for.</li>
 *   <li>Endpoint: {@link EngineRequest#endpointUrl()}, else {@code AWS_ENDPOINT_URL}, else AWS's own; checked by
 *       {@link EndpointRule} (plain http only to loopback unless explicitly allowed).</li>
 *   <li>HTTP: the SDK's URL-connection client (small, no extra threads); retries, timeouts and the Organizations
 *       rate limit from {@link AwsClientSettings#fromEnvironment}.</li>
 * </ul>
 */
public final class AwsClientFactory {
    private AwsClientFactory() {}

    public static AwsClients create(EngineRequest request) {
        return create(request, AwsClientSettings.fromEnvironment(request.environment()));
    }

    /** The engine's factory: settings from the request's environment, the run's redactor and progress. */
    public static AwsClients create(EngineRequest request, Redactor secrets, Progress progress) {
        return create(request, AwsClientSettings.fromEnvironment(request.environment()), secrets, progress);
    }

    /** As {@link #create(EngineRequest)} with explicit settings (tests: small retry budget, fault injection). */
    public static AwsClients create(EngineRequest request, AwsClientSettings settings) {
        return create(request, settings, Redactor.forRequest(request), Progress.SILENT);
    }

    /**
     * The clients of one run. Every credential they resolve joins {@code secrets}; every retry after an attempt
     * without an answer (or with a server error) is a line on {@code progress}.
     */
    public static AwsClients create(EngineRequest request, AwsClientSettings settings, Redactor secrets, Progress progress) {
        String region = region(request);
        URI endpoint = endpoint(request);
        AwsCredentialsProvider base = baseCredentials(request);
        secrets.add(request.externalId());
        // The connection and read timeouts follow the attempt timeout, so a silent endpoint costs one attempt
        // timeout per attempt, not the HTTP client's own (longer) defaults.
        SdkHttpClient http = settings.httpClientDecorator().apply(UrlConnectionHttpClient.builder()
                .connectionTimeout(min(CONNECT_TIMEOUT, settings.attemptTimeout()))
                .socketTimeout(settings.attemptTimeout()).build());
        OrganizationsRateLimiter limiter = settings.rateLimited() ? new OrganizationsRateLimiter(settings.organizationsRateScale()) : null;
        RetryProgress retries = new RetryProgress(progress, settings.maxAttempts(), settings.attemptTimeout());
        DefaultAwsClients.Shared shared = new DefaultAwsClients.Shared(region, endpoint, settings, http, new CallStats(), limiter,
                secrets, retries);

        String roleArn = roleArn(request);
        if (roleArn == null) {
            return new DefaultAwsClients(shared, base, true);
        }
        // The STS client that assumes the role uses the base credentials; every other client the role's.
        DefaultAwsClients baseClients = new DefaultAwsClients(shared, base, false);
        try {
            AwsCredentialsProvider assumed = DefaultAwsClients.assumeRole(baseClients.sts(), roleArn, request.externalId());
            DefaultAwsClients clients = new DefaultAwsClients(shared, assumed, true);
            clients.closeWith((AutoCloseable) assumed);
            clients.closeWith(baseClients);
            return clients;
        } catch (RuntimeException e) {
            baseClients.close();
            http.close();
            throw e;
        }
    }

    /** Connecting to an AWS endpoint takes milliseconds; 5 s covers a slow proxy without waiting long on a dead one. */
    private static final java.time.Duration CONNECT_TIMEOUT = java.time.Duration.ofSeconds(5);

    private static java.time.Duration min(java.time.Duration a, java.time.Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static final java.util.regex.Pattern ROLE_ARN =
            java.util.regex.Pattern.compile("arn:aws[a-z0-9-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");

    /**
     * The role to assume, checked before any client is built: a malformed value would otherwise reach STS (or an
     * emulator that accepts anything) and fail late or not at all.
     */
    static String roleArn(EngineRequest request) {
        String value = blankToNull(request.roleArn());
        if (value == null) {
            return null;
        }
        value = value.trim();
        if (!ROLE_ARN.matcher(value).matches()) {
            String hint = value.contains(":assumed-role/")
                    ? " (that is an STS session ARN; give the role's IAM ARN, arn:aws:iam::<account>:role/<name>)"
                    : "; give arn:aws:iam::<12-digit account>:role/<path/><name>";
            throw new IllegalArgumentException("--role-arn '" + value + "' is not an IAM role ARN" + hint);
        }
        return value;
    }

    private static final java.util.regex.Pattern REGION = java.util.regex.Pattern.compile(AwsFacts.REGION_PATTERN);

    /** Region resolution (see the class comment). A value that is no region name fails here, naming its source. */
    /**
     * The region a run uses, checked now: adapters call it before the engine so that a bad {@code --region} is a
     * usage error, like a bad {@code --account}.
     */
    public static String region(EngineRequest request) {
        Map<String, String> env = request.environment();
        String[] sources = {"--region", "AWS_REGION", "AWS_DEFAULT_REGION"};
        String[] candidates = {request.region(), env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION")};
        for (int i = 0; i < candidates.length; i++) {
            if (blankToNull(candidates[i]) != null) {
                String region = candidates[i].trim();
                if (!REGION.matcher(region).matches()) {
                    throw new IllegalArgumentException(sources[i] + " '" + region + "' is not a region name such as us-east-1");
                }
                return region;
            }
        }
        return AwsFacts.DEFAULT_REGION;
    }

    /**
     * Endpoint resolution; null means AWS's own endpoints. Checked against {@link EndpointRule} (https anywhere,
     * plain http only to loopback unless {@link EngineRequest#allowInsecureEndpoint()}).
     */
    static URI endpoint(EngineRequest request) {
        if (blankToNull(request.endpointUrl()) != null) {
            return EndpointRule.check(request.endpointUrl(), "endpoint URL", request.allowInsecureEndpoint());
        }
        String fromEnv = blankToNull(request.environment().get("AWS_ENDPOINT_URL"));
        return fromEnv == null ? null : EndpointRule.check(fromEnv, "AWS_ENDPOINT_URL", request.allowInsecureEndpoint());
    }

    /** The warning an allowed plain-HTTP endpoint deserves, for the run's log; empty otherwise. */
    public static java.util.Optional<String> endpointWarning(EngineRequest request) {
        return EndpointRule.warning(endpoint(request));
    }

    /** Credentials before any role is assumed (see the class comment). Never logs or returns secret values. */
    static AwsCredentialsProvider baseCredentials(EngineRequest request) {
        if (request.credentials() != null) {
            return request.credentials();
        }
        if (blankToNull(request.profile()) != null) {
            return profile(request.profile().trim(), request.environment());
        }
        Map<String, String> env = request.environment();
        String keyId = blankToNull(env.get("AWS_ACCESS_KEY_ID"));
        String secret = blankToNull(env.get("AWS_SECRET_ACCESS_KEY"));
        if (keyId != null && secret != null) {
            String token = blankToNull(env.get("AWS_SESSION_TOKEN"));
            return StaticCredentialsProvider.create(token == null
                    ? AwsBasicCredentials.create(keyId, secret)
                    : AwsSessionCredentials.create(keyId, secret, token));
        }
        if (keyId != null || secret != null) {
            throw new IllegalArgumentException("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together; only "
                    + (keyId != null ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY") + " is set");
        }
        String profile = blankToNull(env.get("AWS_PROFILE"));
        if (profile != null) {
            return profile(profile, env);
        }
        ProfileFile files = ProfileFiles.load(env);
        return DefaultCredentialsProvider.builder().profileFile(() -> files).build();
    }

    /** A named profile from the run's config and credentials files (parsed now, so a broken file is named). */
    private static AwsCredentialsProvider profile(String name, Map<String, String> env) {
        ProfileFile files = ProfileFiles.load(env);
        return ProfileCredentialsProvider.builder().profileFile(() -> files).profileName(name).build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

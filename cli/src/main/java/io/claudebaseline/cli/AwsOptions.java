package io.claudebaseline.cli;

import picocli.CommandLine.Option;

/**
 * How to reach AWS. Credentials come from the environment (AWS_ACCESS_KEY_ID, ...), a profile or the SDK's
 * default chain; they are never taken on the command line, where they would end up in shell history.
 */
final class AwsOptions {
    @Option(names = "--region", paramLabel = "REGION",
            description = "Default region (else AWS_REGION / AWS_DEFAULT_REGION). Organizations always uses its home region; CloudTrail writes go to the trail's home region.")
    String region;

    @Option(names = "--profile", paramLabel = "NAME", description = "Named profile from ~/.aws/config (else AWS_PROFILE, else the default chain).")
    String profile;

    @Option(names = "--role-arn", paramLabel = "ARN", description = "Role to assume before any call (session name claude-baseline).")
    String roleArn;

    @Option(names = "--external-id", paramLabel = "ID", description = "External id for --role-arn, if its trust policy requires one.")
    String externalId;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Send every AWS call to this endpoint (else AWS_ENDPOINT_URL). For emulators such as moto. "
                    + "https:// to any host; http:// only to loopback (localhost, 127.0.0.1, [::1]) unless --allow-insecure-endpoint.")
    String endpointUrl;

    @Option(names = "--allow-insecure-endpoint",
            description = "Allow a plain http:// endpoint on a host that is not loopback (an emulator in another container). "
                    + "Request signatures and session tokens then travel unencrypted; a warning is printed.")
    boolean allowInsecureEndpoint;
}

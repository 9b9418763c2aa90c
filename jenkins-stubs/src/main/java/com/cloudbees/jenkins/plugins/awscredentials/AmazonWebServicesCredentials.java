package com.cloudbees.jenkins.plugins.awscredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Stand-in for the aws-credentials plugin's {@code AmazonWebServicesCredentials}. As in the real plugin it is an
 * AWS SDK v2 {@link AwsCredentialsProvider} (the real one also still implements the SDK v1 provider interface).
 */
public interface AmazonWebServicesCredentials extends StandardCredentials, AwsCredentialsProvider, com.amazonaws.auth.AWSCredentialsProvider {
    String getDisplayName();
}

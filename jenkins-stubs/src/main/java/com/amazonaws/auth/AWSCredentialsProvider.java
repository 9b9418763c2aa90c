package com.amazonaws.auth;

/** Stand-in for the AWS SDK v1's {@code AWSCredentialsProvider} (a supertype the real types have; no members used). */
public interface AWSCredentialsProvider {
}

package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

/** Stand-in for the credentials plugin's {@code IdCredentials}: credentials with a stable id. */
public interface IdCredentials extends Credentials {
    String getId();
}

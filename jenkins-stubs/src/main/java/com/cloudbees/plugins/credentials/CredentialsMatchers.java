package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;

/** Stand-in for the credentials plugin's {@code CredentialsMatchers}: the two matchers the step uses, as they behave. */
public class CredentialsMatchers {
    public static CredentialsMatcher always() {
        return item -> true;
    }

    public static CredentialsMatcher withId(String id) {
        return item -> item instanceof IdCredentials c && id.equals(c.getId());
    }
}

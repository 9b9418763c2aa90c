package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/** Stand-in for the credentials plugin's {@code CredentialsMatcher}: a filter over credentials. */
public interface CredentialsMatcher extends Serializable {
    boolean matches(Credentials item);
}

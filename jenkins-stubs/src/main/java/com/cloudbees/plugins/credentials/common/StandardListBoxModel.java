package com.cloudbees.plugins.credentials.common;

/** Stand-in for the credentials plugin's {@code StandardListBoxModel}. */
public class StandardListBoxModel extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {
    private static final long serialVersionUID = 1L;
}

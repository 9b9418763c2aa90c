package com.cloudbees.plugins.credentials.common;

/** Stand-in for the credentials plugin's {@code StandardCredentials}: id plus description. */
public interface StandardCredentials extends IdCredentials {
    String getDescription();
}

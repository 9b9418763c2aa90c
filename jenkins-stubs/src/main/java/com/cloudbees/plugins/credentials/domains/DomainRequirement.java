package com.cloudbees.plugins.credentials.domains;

import java.io.Serializable;

/** Stand-in for the credentials plugin's {@code DomainRequirement}: narrows a credentials lookup. */
public class DomainRequirement implements Serializable {
    private static final long serialVersionUID = 1L;
}

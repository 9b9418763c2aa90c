package org.springframework.security.core;

/** Stand-in for Spring Security's {@code Authentication} (Jenkins' identity of a user or of a build); no members used. */
public interface Authentication extends java.security.Principal, java.io.Serializable {
}

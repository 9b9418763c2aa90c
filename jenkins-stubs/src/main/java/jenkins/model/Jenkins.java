package jenkins.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

/** Stand-in for Jenkins core's {@code Jenkins}: the singleton and its ADMINISTER permission. Compile-time only. */
public class Jenkins implements AccessControlled {
    /** Compile-time stand-in: the value exists only in a running Jenkins. */
    public static final Permission ADMINISTER = null;

    public static Jenkins get() throws IllegalStateException {
        throw new IllegalStateException("compile-time stand-in: there is no running Jenkins");
    }
}

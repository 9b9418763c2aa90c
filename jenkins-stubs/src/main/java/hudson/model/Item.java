package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

/** Stand-in for Jenkins core's {@code Item}: a job or folder; its permissions guard the credential drop-down. */
public interface Item extends AccessControlled {
    /** Compile-time stand-ins: the constants exist, their values only in a running Jenkins. */
    Permission CONFIGURE = null;
    Permission EXTENDED_READ = null;
}

package org.jenkinsci.remoting;

/** Stand-in for remoting's {@code RoleSensitive}: a callable that says on which side it may run. */
public interface RoleSensitive {
    void checkRoles(RoleChecker checker) throws SecurityException;
}

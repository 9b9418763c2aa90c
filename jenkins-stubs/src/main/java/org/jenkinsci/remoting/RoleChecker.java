package org.jenkinsci.remoting;

import java.util.Collection;

/** Stand-in for remoting's {@code RoleChecker}: verifies a callable's roles before it runs on the receiving side. */
public abstract class RoleChecker {
    public abstract void check(RoleSensitive subject, Collection<Role> expected) throws SecurityException;

    public void check(RoleSensitive subject, Role expected) throws SecurityException {
        check(subject, java.util.List.of(expected));
    }

    public void check(RoleSensitive subject, Role... expected) throws SecurityException {
        check(subject, java.util.List.of(expected));
    }
}

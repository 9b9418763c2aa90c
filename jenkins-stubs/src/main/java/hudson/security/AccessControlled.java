package hudson.security;

/** Stand-in for Jenkins core's {@code AccessControlled}. Compile-time only: permission checks need a running Jenkins. */
public interface AccessControlled {
    default boolean hasPermission(Permission permission) {
        throw new UnsupportedOperationException("compile-time stand-in: permissions are checked by a running Jenkins");
    }
}

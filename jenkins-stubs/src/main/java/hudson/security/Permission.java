package hudson.security;

/** Stand-in for Jenkins core's {@code Permission}: instances are the constants of the classes that define them. */
public final class Permission {
    private Permission() {
    }
}

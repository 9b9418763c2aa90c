package hudson;

/** Stand-in for Jenkins core's marker interface {@code hudson.ExtensionPoint} (compile-time only). */
public interface ExtensionPoint {
}

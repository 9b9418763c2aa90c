package hudson.model;

/** Stand-in for Jenkins core's {@code Saveable} (a supertype the real types have; no members used). */
public interface Saveable {
}

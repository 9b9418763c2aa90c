package jenkins.model;

/** Stand-in for Jenkins core's {@code jenkins.model.Loadable} (a supertype the real types have; no members used). */
public interface Loadable {
}

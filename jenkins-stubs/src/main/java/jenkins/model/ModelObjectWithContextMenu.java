package jenkins.model;

/** Stand-in for Jenkins core's {@code ModelObjectWithContextMenu} (a supertype the real types have; no members used). */
public interface ModelObjectWithContextMenu extends hudson.model.ModelObject {
}

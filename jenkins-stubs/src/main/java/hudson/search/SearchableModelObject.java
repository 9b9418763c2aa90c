package hudson.search;

/** Stand-in for Jenkins core's {@code SearchableModelObject} (a supertype the real types have; no members used). */
public interface SearchableModelObject extends hudson.model.ModelObject {
}

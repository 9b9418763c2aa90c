package hudson.model;

/** Stand-in for Jenkins core's {@code AbstractModelObject} (a supertype the real types have; no members used). */
public abstract class AbstractModelObject implements hudson.search.SearchableModelObject {
}

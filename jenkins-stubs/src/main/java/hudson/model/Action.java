package hudson.model;

/** Stand-in for Jenkins core's {@code hudson.model.Action}: something attached to a model object. */
public interface Action {
    String getIconFileName();

    String getDisplayName();

    String getUrlName();
}

package hudson.model;

/** Stand-in for Jenkins core's {@code hudson.model.Action}: something attached to a model object. */
public interface Action extends ModelObject {
    String getIconFileName();

    @Override
    String getDisplayName();

    String getUrlName();
}

package hudson.model;

/** Stand-in for Jenkins core's {@code AbstractItem} (a supertype the real types have; no members used). */
public abstract class AbstractItem extends Actionable implements jenkins.model.Loadable, Item {
}

package hudson.model;

/** Stand-in for Jenkins core's {@code BuildBadgeAction}: an action shown as a badge beside the build in its history. */
public interface BuildBadgeAction extends Action {
}

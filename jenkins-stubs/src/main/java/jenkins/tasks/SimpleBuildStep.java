package jenkins.tasks;

import hudson.model.Action;
import hudson.tasks.BuildStep;
import java.util.Collection;

/** Stand-in for Jenkins core's {@code SimpleBuildStep}: only its nested {@link LastBuildAction} is used. */
public interface SimpleBuildStep extends BuildStep {

    /** A run action whose project actions the job page shows for the last build (how Pipeline jobs get them). */
    interface LastBuildAction extends Action {
        Collection<? extends Action> getProjectActions();
    }
}

package jenkins.model;

import hudson.model.Action;
import hudson.model.Run;

/** Stand-in for Jenkins core's {@code RunAction2}: an action told which run it belongs to, when added and when loaded. */
public interface RunAction2 extends Action {
    void onAttached(Run<?, ?> r);

    void onLoad(Run<?, ?> r);
}

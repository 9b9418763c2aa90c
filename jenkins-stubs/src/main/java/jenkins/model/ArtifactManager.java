package jenkins.model;

import jenkins.util.VirtualFile;

/** Stand-in for Jenkins core's {@code ArtifactManager}: where a run's archived files live. */
public abstract class ArtifactManager {
    public abstract VirtualFile root();
}

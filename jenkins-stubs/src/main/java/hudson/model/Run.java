package hudson.model;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jenkins.model.ArtifactManager;
import jenkins.model.RunAction2;
import jenkins.util.VirtualFile;

/**
 * Stand-in for Jenkins core's {@code hudson.model.Run}. It keeps the real rules the step relies on: the result can
 * only be set while the build is running ({@link IllegalStateException} afterwards) and only gets worse (UNSTABLE
 * never hides an earlier FAILURE); a {@link RunAction2} added to the run is told so; archived files are under
 * {@code getRootDir()/archive}, as with the standard artifact manager. A stand-in run starts out building;
 * {@link #onEndBuilding()} completes it.
 */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable {
    private Result result;
    private boolean building = true;

    public Result getResult() {
        return result;
    }

    public void setResult(Result r) {
        if (!building) {
            throw new IllegalStateException("cannot change build result while in COMPLETED");
        }
        if (result == null || r.isWorseThan(result)) {
            result = r;
        }
    }

    public boolean isBuilding() {
        return building;
    }

    protected void onEndBuilding() {
        building = false;
        if (result == null) {
            result = Result.FAILURE;
        }
    }

    @Override
    public void addAction(Action a) {
        super.addAction(a);
        if (a instanceof RunAction2 r) {
            r.onAttached(this);
        }
    }

    /** The build's directory; the stand-in has no job directory layout, so runs in tests say where it is. */
    public File getRootDir() {
        throw new UnsupportedOperationException("this stand-in run has no build directory");
    }

    public final ArtifactManager getArtifactManager() {
        return new LocalArtifacts(getRootDir().toPath().resolve("archive"));
    }

    /** Archived files on the local disk, as Jenkins' standard artifact manager keeps them. */
    private static final class LocalArtifacts extends ArtifactManager {
        private final Path root;

        LocalArtifacts(Path root) {
            this.root = root;
        }

        @Override
        public VirtualFile root() {
            return new LocalFile(root);
        }
    }

    private static final class LocalFile extends VirtualFile {
        private static final long serialVersionUID = 1L;
        private final String path;

        LocalFile(Path path) {
            this.path = path.toString();
        }

        @Override
        public boolean isFile() throws IOException {
            return Files.isRegularFile(Path.of(path));
        }

        @Override
        public VirtualFile child(String name) {
            return new LocalFile(Path.of(path).resolve(name));
        }

        @Override
        public String toString() {
            return path;
        }
    }
}

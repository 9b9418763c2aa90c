package hudson;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Stand-in for Jenkins core's {@code hudson.FilePath} with the signatures of the members the step uses. The real
 * class reaches files on any agent through a remoting channel; this one only knows local files, which is all the
 * adapter tests need (they use a temporary directory as the "workspace"). Compile-time and test only.
 */
public final class FilePath implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String remote;

    public FilePath(File localPath) {
        this.remote = localPath.getPath();
    }

    private Path path() {
        return Path.of(remote);
    }

    public String getRemote() {
        return remote;
    }

    public FilePath child(String relOrAbsolute) {
        Path rel = Path.of(relOrAbsolute);
        return new FilePath((rel.isAbsolute() ? rel : path().resolve(rel)).toFile());
    }

    public boolean exists() throws IOException, InterruptedException {
        return Files.exists(path());
    }

    public boolean isDirectory() throws IOException, InterruptedException {
        return Files.isDirectory(path());
    }

    public void mkdirs() throws IOException, InterruptedException {
        Files.createDirectories(path());
    }

    /** Copies this file to {@code target}, creating the target's parent directories as the real class does. */
    public void copyTo(FilePath target) throws IOException, InterruptedException {
        Path to = target.path();
        if (to.getParent() != null) {
            Files.createDirectories(to.getParent());
        }
        Files.copy(path(), to, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Copies the contents of this directory into {@code target}; returns the number of files copied. */
    public int copyRecursiveTo(FilePath target) throws IOException, InterruptedException {
        Path from = path();
        Path to = target.path();
        int[] count = {0};
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.createDirectories(dest.getParent());
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                    count[0]++;
                }
            }
        }
        return count[0];
    }

    @Override
    public String toString() {
        return remote;
    }
}

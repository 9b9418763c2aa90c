package jenkins.util;

import java.io.IOException;
import java.io.Serializable;

/** Stand-in for Jenkins core's {@code VirtualFile}: a file in an artifact store, local or remote. */
public abstract class VirtualFile implements Comparable<VirtualFile>, Serializable {
    private static final long serialVersionUID = 1L;

    public abstract boolean isFile() throws IOException;

    public abstract VirtualFile child(String name);

    /** Final, as in the real class (which compares names); the stand-in compares paths. */
    @Override
    public final int compareTo(VirtualFile o) {
        return toString().compareTo(o.toString());
    }
}

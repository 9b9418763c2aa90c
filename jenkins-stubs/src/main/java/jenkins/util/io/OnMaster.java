package jenkins.util.io;

/** Stand-in for Jenkins core's {@code OnMaster} (a supertype the real types have; no members used). */
public interface OnMaster {
}

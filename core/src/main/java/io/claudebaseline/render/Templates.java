package io.claudebaseline.render;

import java.nio.file.Path;

/** The Mustache templates: bundled in the core jar, optionally overridden by a user directory. STUB. */
public final class Templates {
    private Templates() {}

    public static Templates bundled() {
        return new Templates();
    }

    public static Templates withOverrides(Path dir) {
        return new Templates();
    }
}

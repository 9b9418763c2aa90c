package io.claudebaseline.render;

import io.claudebaseline.engine.Progress;
import io.claudebaseline.model.Baseline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes SCP JSON, selectors, the Terraform module and manifest.json. STUB. */
public final class ArtifactWriter {
    private ArtifactWriter() {}

    /** Returns the written files relative to {@code outDir}. */
    public static List<Path> write(Baseline baseline, Templates templates, Path outDir, Progress progress) throws IOException {
        throw new UnsupportedOperationException("ArtifactWriter not implemented yet");
    }
}

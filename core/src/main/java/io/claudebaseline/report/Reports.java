package io.claudebaseline.report;

import io.claudebaseline.engine.EngineResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes report.json, junit.xml and summary.md for verify and simulate. STUB. */
public final class Reports {
    private Reports() {}

    /** Returns the files written, relative to {@code dir}. */
    public static List<Path> write(EngineResult result, Path dir) throws IOException {
        throw new UnsupportedOperationException("Reports not implemented yet");
    }
}

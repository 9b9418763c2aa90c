package io.claudebaseline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * Reads the version Maven filtered into version.properties, so --version never drifts from the build, and names the
 * dated AWS service reference snapshot the lint and the all-action scenarios rely on.
 */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {
            "claude-baseline " + p.getProperty("version", "unknown"),
            "AWS " + io.claudebaseline.facts.ServiceReference.bundled().describe(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}

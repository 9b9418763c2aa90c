package io.claudebaseline.aws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The AWS config and credentials files of a run, located from the run's environment (the Jenkins build's
 * variables, or the CLI's) rather than the JVM's: {@code AWS_SHARED_CREDENTIALS_FILE} else
 * {@code ~/.aws/credentials}, {@code AWS_CONFIG_FILE} else {@code ~/.aws/config}. Each is parsed once, up front,
 * so a malformed file fails with its path and the line the SDK objected to, not with the SDK's bare
 * "Property did not have a name on line 4".
 */
final class ProfileFiles {
    private ProfileFiles() {}

    static final String CREDENTIALS_ENV = "AWS_SHARED_CREDENTIALS_FILE";
    static final String CONFIG_ENV = "AWS_CONFIG_FILE";

    /** Both files that exist, merged as the SDK merges them (credentials win). */
    static ProfileFile load(Map<String, String> env) {
        ProfileFile.Aggregator all = ProfileFile.aggregator();
        Path config = location(env, CONFIG_ENV, "config");
        Path credentials = location(env, CREDENTIALS_ENV, "credentials");
        if (Files.isRegularFile(config)) {
            all.addFile(parse(config, ProfileFile.Type.CONFIGURATION, env.containsKey(CONFIG_ENV) ? CONFIG_ENV : null));
        }
        if (Files.isRegularFile(credentials)) {
            all.addFile(parse(credentials, ProfileFile.Type.CREDENTIALS, env.containsKey(CREDENTIALS_ENV) ? CREDENTIALS_ENV : null));
        }
        return all.build();
    }

    private static ProfileFile parse(Path file, ProfileFile.Type type, String fromVariable) {
        try {
            return ProfileFile.builder().content(file).type(type).build();
        } catch (RuntimeException e) {
            // The SDK's message names the line but not the file.
            throw new IllegalArgumentException("the AWS " + (type == ProfileFile.Type.CREDENTIALS ? "credentials" : "config") + " file "
                    + file + (fromVariable == null ? "" : " (" + fromVariable + ")") + " cannot be parsed: " + e.getMessage()
                    + "; fix it (each line is [profile], key = value or a comment) or point " + (fromVariable != null ? fromVariable
                    : type == ProfileFile.Type.CREDENTIALS ? CREDENTIALS_ENV : CONFIG_ENV) + " at another file", e);
        }
    }

    private static Path location(Map<String, String> env, String variable, String defaultName) {
        String value = env.get(variable);
        if (value != null && !value.isBlank()) {
            String v = value.trim();
            return v.startsWith("~/") ? Path.of(System.getProperty("user.home"), v.substring(2)) : Path.of(v);
        }
        return Path.of(System.getProperty("user.home"), ".aws", defaultName);
    }
}

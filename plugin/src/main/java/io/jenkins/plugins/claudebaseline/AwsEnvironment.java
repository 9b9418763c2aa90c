package io.jenkins.plugins.claudebaseline;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Picks the AWS settings out of the build's environment. {@code withAWS(...)} and {@code withCredentials([aws(...)])}
 * put {@code AWS_*} variables into the step's EnvVars — not into any process environment — so the step hands them to
 * the engine explicitly. Only {@code AWS_*} variables are passed: the engine has no business with the rest.
 */
public final class AwsEnvironment {

    /** The variables that carry an identity. Dropped when an explicit Jenkins credential is chosen. */
    static final List<String> CREDENTIAL_VARIABLES = List.of(
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE");

    private AwsEnvironment() {
    }

    /**
     * The {@code AWS_*} variables of {@code buildEnv} (upper-cased names, empty values dropped). With
     * {@code explicitCredentials} the identity variables are left out so the credential the user named is the only
     * identity in play, while region and endpoint settings still apply.
     */
    public static TreeMap<String, String> select(Map<String, String> buildEnv, boolean explicitCredentials) {
        TreeMap<String, String> out = new TreeMap<>();
        if (buildEnv == null) {
            return out;
        }
        buildEnv.forEach((name, value) -> {
            String key = name == null ? "" : name.toUpperCase(Locale.ROOT);
            if (key.startsWith("AWS_") && value != null && !value.isEmpty()
                    && !(explicitCredentials && CREDENTIAL_VARIABLES.contains(key))) {
                out.put(key, value);
            }
        });
        return out;
    }

    /**
     * {@code awsEnv} without the identity variables that merely repeat {@code processEnv} (same name, same value). On
     * the built-in node the build environment starts from the controller's own process environment, so such a value
     * is the controller's identity, not one the Pipeline was given by {@code withAWS} or {@code withCredentials}.
     */
    public static TreeMap<String, String> withoutInherited(Map<String, String> awsEnv, Map<String, String> processEnv) {
        TreeMap<String, String> out = new TreeMap<>(awsEnv);
        for (String name : CREDENTIAL_VARIABLES) {
            String own = processEnv.get(name);
            if (own != null && own.equals(out.get(name))) {
                out.remove(name);
            }
        }
        if (!out.containsKey("AWS_ACCESS_KEY_ID")) {
            out.remove("AWS_SECRET_ACCESS_KEY");
            out.remove("AWS_SESSION_TOKEN");
        }
        return out;
    }
}

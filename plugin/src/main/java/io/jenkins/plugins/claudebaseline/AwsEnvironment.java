package io.jenkins.plugins.claudebaseline;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Picks the AWS settings out of the build's environment. {@code withAWS(...)} and {@code withCredentials([aws(...)])}
 * put {@code AWS_*} variables into the step's EnvVars — not into the controller's process environment — so the step
 * must hand them to the engine explicitly. Only {@code AWS_*} variables are passed: the engine has no business with
 * the rest of the build's environment.
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
    public static Map<String, String> select(Map<String, String> buildEnv, boolean explicitCredentials) {
        Map<String, String> out = new TreeMap<>();
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
     * One line for the build log saying where the identity comes from, in the order the engine applies them.
     * Names variables and credential ids only, never a value.
     */
    public static String describeSource(String credentialsId, Map<String, String> selected, String roleArn) {
        String source;
        if (credentialsId != null) {
            source = "Jenkins credential '" + credentialsId + "'";
        } else if (selected.containsKey("AWS_ACCESS_KEY_ID")) {
            source = "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY" + (selected.containsKey("AWS_SESSION_TOKEN") ? "/AWS_SESSION_TOKEN" : "")
                    + " from the build environment";
        } else if (selected.containsKey("AWS_PROFILE")) {
            source = "profile '" + selected.get("AWS_PROFILE") + "' (AWS_PROFILE)";
        } else {
            source = "the controller's default AWS credentials chain";
        }
        return "AWS credentials: " + source + (roleArn != null ? ", then assume role " + roleArn : "");
    }
}

package io.jenkins.plugins.claudebaseline;

import hudson.AbortException;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Which AWS identity the engine uses, decided on the node that runs it, first match wins:
 * <ol>
 *   <li>the Jenkins credential named by {@code credentialsId}, resolved on the controller into values;</li>
 *   <li>the {@code AWS_*} variables of the build environment (keys, or {@code AWS_PROFILE});</li>
 *   <li>the default credentials chain <em>of this node</em>: the engine builds it here, in the node's JVM, as an
 *       {@code sh 'aws ...'} step here would.</li>
 * </ol>
 * When the workspace is on the controller itself (the built-in node), 2 with a profile and 3 would be the
 * controller's own identity, which no Pipeline may borrow: they are refused.
 *
 * @param credentials the explicit provider for the engine, or null to let it use {@code environment}, then the chain
 * @param environment the {@code AWS_*} variables the engine gets
 * @param source      one line for the build log naming the source, never a value
 */
public record NodeIdentity(AwsCredentialsProvider credentials, Map<String, String> environment, String source) {

    /**
     * @param fromCredential the resolved {@code credentialsId}, or null
     * @param credentialsId  its id, for the log
     * @param awsEnv         the build's {@code AWS_*} variables
     * @param onController   the workspace is on the controller (the built-in node)
     * @param roleArn        the role assumed afterwards, for the log
     */
    public static NodeIdentity choose(SessionCredentials fromCredential, String credentialsId, Map<String, String> awsEnv,
                                      boolean onController, String roleArn) throws AbortException {
        String then = roleArn == null ? "" : ", then assume role " + roleArn;
        if (fromCredential != null) {
            return new NodeIdentity(fromCredential.provider(), AwsEnvironment.select(awsEnv, true),
                    "AWS credentials: Jenkins credential '" + credentialsId + "' (resolved on the controller, "
                            + (fromCredential.temporary() ? "session credentials" : "access key") + " handed to this node)" + then);
        }
        Map<String, String> env = AwsEnvironment.select(awsEnv, false);
        if (env.containsKey("AWS_ACCESS_KEY_ID")) {
            return new NodeIdentity(null, env, "AWS credentials: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY"
                    + (env.containsKey("AWS_SESSION_TOKEN") ? "/AWS_SESSION_TOKEN" : "") + " from the build environment" + then);
        }
        if (onController) {
            throw new AbortException("claudeBaseline: this step runs on the built-in node (the controller), and with no"
                    + " credentialsId and no AWS_ACCESS_KEY_ID in the build environment it would use the controller's own AWS"
                    + " identity" + (env.containsKey("AWS_PROFILE") ? " (profile '" + env.get("AWS_PROFILE") + "' of the controller)" : "")
                    + ", which a Pipeline may not borrow. Set credentialsId, wrap the step in withAWS(...) or"
                    + " withCredentials([aws(...)]), or run it on an agent (node('label') { ... }), where the agent's own"
                    + " default chain is used.");
        }
        if (env.containsKey("AWS_PROFILE")) {
            return new NodeIdentity(null, env, "AWS credentials: profile '" + env.get("AWS_PROFILE") + "' (AWS_PROFILE) of this node" + then);
        }
        return new NodeIdentity(null, env, "AWS credentials: the default credentials chain of this node"
                + " (its environment, ~/.aws, instance or container role)" + then);
    }
}

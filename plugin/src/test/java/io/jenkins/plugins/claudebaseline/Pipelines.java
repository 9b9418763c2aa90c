package io.jenkins.plugins.claudebaseline;

import io.claudebaseline.testing.MotoServer;

/** Configs and Pipeline snippets shared by the JenkinsRule tests. */
final class Pipelines {

    static final String WORKSPACE_ID = "wrkspc_01AbCdEf23GhIj";
    static final String TRAIL = "org-trail";
    static final String REGION = "us-east-1";

    private Pipelines() {
    }

    /** The label of the agent the tests create; the step runs there, as in production. */
    static final String AGENT_LABEL = "claude-agent";
    /** Opens the node block every test Pipeline runs in. */
    static final String ON_AGENT = "node('" + AGENT_LABEL + "') {\n";

    /** A member account id for configs that are never checked against AWS. */
    static final String SOME_MEMBER_ACCOUNT = "111122223333";

    /**
     * A config that protects one workspace in {@code memberAccount} (never the management account: SCPs do not apply
     * there) and attaches the SCPs to {@code rootId}.
     */
    static String configFor(String rootId, String memberAccount) {
        return String.join("\n",
                "version: 1",
                "policyNamePrefix: claude-baseline",
                "targets: [\"" + rootId + "\"]",
                "workspaces:",
                "  - id: " + WORKSPACE_ID,
                "    region: " + REGION,
                "    account: \"" + memberAccount + "\"",
                "    allowedPrincipals:",
                "      - arn:aws:iam::" + memberAccount + ":role/claude-prod-deployer",
                "controls:",
                "  protectWorkspaces: true",
                "  denyLongTermKeyCreation: { enabled: true, scope: claude-service }",
                "  denyShadowUsers: { enabled: true, userNamePattern: \"AeaApiKey-*\", anyPath: true }",
                "  denyLongTermKeyUse: true",
                "  cloudTrailDataEvents: { enabled: true, trailName: " + TRAIL + ", homeRegion: " + REGION
                        + ", scope: all-workspaces }",
                "");
    }

    /** Groovy that writes {@code text} as the workspace's claude-baseline.yaml ('''-strings do not interpolate). */
    static String writeConfig(String text) {
        if (text.contains("'''") || text.contains("\\")) {
            throw new IllegalArgumentException("config text cannot be embedded in a ''' Groovy string");
        }
        return "writeFile file: 'claude-baseline.yaml', text: '''" + text + "''', encoding: 'UTF-8'\n";
    }

    /** moto accepts any static key pair; the build environment carries it the way withAWS would. */
    static String withMotoEnvironment(String body) {
        return "withEnv(['AWS_ACCESS_KEY_ID=" + MotoServer.ACCESS_KEY_ID + "', 'AWS_SECRET_ACCESS_KEY="
                + MotoServer.SECRET_ACCESS_KEY + "', 'AWS_REGION=" + REGION + "']) {\n" + body + "\n}\n";
    }
}

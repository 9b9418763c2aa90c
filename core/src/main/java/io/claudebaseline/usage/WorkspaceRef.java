package io.claudebaseline.usage;

import io.claudebaseline.facts.AwsFacts;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workspace as CloudTrail names it in {@code resources[].ARN}:
 * {@code arn:PARTITION:aws-external-anthropic:REGION:ACCOUNT:workspace/ID}.
 */
record WorkspaceRef(String arn, String region, String account, String id) {
    private static final Pattern ARN = Pattern.compile("arn:[a-z0-9-]+:" + Pattern.quote(AwsFacts.SERVICE_PREFIX)
            + ":([a-z0-9-]*):(\\d{12}|):workspace/(.+)");

    static boolean isWorkspaceArn(String arn) {
        return arn != null && ARN.matcher(arn).matches();
    }

    static WorkspaceRef parse(String arn) {
        Matcher m = ARN.matcher(arn);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a workspace ARN: " + arn);
        }
        return new WorkspaceRef(arn, m.group(1), m.group(2), m.group(3));
    }
}

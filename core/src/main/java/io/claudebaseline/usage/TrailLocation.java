package io.claudebaseline.usage;

import io.claudebaseline.aws.AwsClients;
import io.claudebaseline.aws.AwsOperation;
import io.claudebaseline.config.WorkspaceConfig;
import io.claudebaseline.facts.AwsFacts;
import io.claudebaseline.live.SelectorCoverage;
import io.claudebaseline.live.Selectors;
import io.claudebaseline.model.TrailSelectors;
import java.util.List;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.Trail;

/**
 * Where the configured trail delivers: its bucket and key prefix, its CloudWatch Logs group (if any), its KMS
 * key, and whether its selectors log every configured workspace's data events today. Read with DescribeTrails and
 * GetEventSelectors in the trail's home region.
 *
 * @param logGroupName   the log group's name, from CloudWatchLogsLogGroupArn ({@code arn:aws:logs:REGION:ACCT:log-group:NAME:*}), or null
 * @param logGroupRegion the log group's region, or null
 */
record TrailLocation(String trailName, String trailArn, String homeRegion, String bucket, String keyPrefix, String logGroupName,
                     String logGroupRegion, String kmsKeyId, boolean dataSelectorForAll) {

    /** True when these advanced selectors (CloudTrail's API shape) log the data events of every configured workspace. */
    static boolean coversAll(List<? extends com.fasterxml.jackson.databind.JsonNode> selectors, List<WorkspaceConfig> workspaces, String partition) {
        return !selectors.isEmpty() && workspaces.stream().allMatch(w -> selectors.stream().anyMatch(s -> SelectorCoverage.captures(s,
                AwsFacts.workspaceArn(partition, w.region(), w.account(), w.id()))));
    }

    static TrailLocation read(TrailSelectors wanted, List<WorkspaceConfig> workspaces, String partition, AwsClients aws) {
        String name = wanted.trailName();
        String home = wanted.homeRegion();
        CloudTrailClient ct = aws.cloudTrail(home);
        String where = "trail " + name + " in " + home;
        Trail t = io.claudebaseline.live.LiveStateReader.describeTrail(ct, name, where).orElseThrow(() -> new IllegalArgumentException("trail " + name + " does not exist in " + home
                + ", so there is nothing to read; fix controls.cloudTrailDataEvents.trailName/homeRegion"));
        if (t.s3BucketName() == null || t.s3BucketName().isBlank()) {
            throw new IllegalArgumentException("trail " + name + " names no S3 bucket, so there is nothing to read");
        }
        GetEventSelectorsResponse selectors = AwsOperation.GET_EVENT_SELECTORS.call(where, () -> ct.getEventSelectors(r -> r.trailName(name)));
        boolean all = selectors.hasAdvancedEventSelectors()
                && coversAll(selectors.advancedEventSelectors().stream().map(Selectors::toJson).toList(), workspaces, partition);
        String group = null;
        String groupRegion = null;
        String groupArn = t.cloudWatchLogsLogGroupArn();
        if (groupArn != null && !groupArn.isBlank()) {
            // arn:aws:logs:REGION:ACCOUNT:log-group:NAME[:*]
            String[] parts = groupArn.split(":", 7);
            if (parts.length == 7 && parts[5].equals("log-group")) {
                groupRegion = parts[3];
                group = parts[6].endsWith(":*") ? parts[6].substring(0, parts[6].length() - 2) : parts[6];
            }
        }
        return new TrailLocation(name, t.trailARN(), t.homeRegion() == null ? home : t.homeRegion(), t.s3BucketName(), t.s3KeyPrefix(), group,
                groupRegion, t.kmsKeyId(), all);
    }
}

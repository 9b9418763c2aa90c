package io.claudebaseline.usage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * CloudTrail records and log files in the documented format (CloudTrail user guide, "CloudTrail record contents"
 * and "Finding your CloudTrail log files"), built from parts so tests and the benchmark can write any mix.
 */
final class SyntheticTrail {
    static final String CLAUDE = "aws-external-anthropic.amazonaws.com";
    static final String SCP_DENY_MESSAGE = "User: %s is not authorized to perform: aws-external-anthropic:%s on resource: %s"
            + " with an explicit deny in a service control policy";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private SyntheticTrail() {}

    /** A role session as CloudTrail records it: STS ARN plus sessionIssuer with the role's path. */
    static String assumedRole(String account, String path, String role, String session) {
        return "{\"type\":\"AssumedRole\",\"principalId\":\"AROAEXAMPLE:" + session + "\",\"arn\":\"arn:aws:sts::" + account
                + ":assumed-role/" + role + "/" + session + "\",\"accountId\":\"" + account + "\",\"accessKeyId\":\"ASIAEXAMPLE\","
                + "\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"AROAEXAMPLE\",\"arn\":\"arn:aws:iam::"
                + account + ":role" + path + role + "\",\"accountId\":\"" + account + "\",\"userName\":\"" + role + "\"},"
                + "\"attributes\":{\"creationDate\":\"2026-11-30T00:00:00Z\",\"mfaAuthenticated\":\"false\"}}}";
    }

    static String iamUser(String account, String name) {
        return "{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLE\",\"arn\":\"arn:aws:iam::" + account + ":user/" + name
                + "\",\"accountId\":\"" + account + "\",\"userName\":\"" + name + "\"}";
    }

    static String workspaceArn(String region, String account, String id) {
        return "arn:aws:aws-external-anthropic:" + region + ":" + account + ":workspace/" + id;
    }

    /** A Claude Platform record; {@code workspaceArn} null for a resource-less action; {@code denied} adds the SCP deny. */
    static String claude(String identity, Instant time, String action, String workspaceArn, boolean denied, String ip, String agent,
                         String bearerTokenType) {
        String callerArn = identity.replaceFirst("^.*?\"arn\":\"([^\"]+)\".*$", "$1");
        StringBuilder r = new StringBuilder("{\"eventVersion\":\"1.11\",\"userIdentity\":").append(identity)
                .append(",\"eventTime\":\"").append(time).append("\",\"eventSource\":\"").append(CLAUDE)
                .append("\",\"eventName\":\"").append(action).append("\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"").append(ip)
                .append("\",\"userAgent\":\"").append(agent).append("\"");
        if (denied) {
            r.append(",\"errorCode\":\"AccessDenied\",\"errorMessage\":\"")
                    .append(String.format(SCP_DENY_MESSAGE, callerArn, action, workspaceArn == null ? "*" : workspaceArn)).append("\"");
        }
        r.append(",\"requestParameters\":").append(bearerTokenType == null ? "{\"model\":\"claude-x\",\"note\":\"braces } and \\\"quotes\\\" {\"}"
                : "{\"bearerTokenType\":\"" + bearerTokenType + "\",\"callWithBearerToken\":true}");
        r.append(",\"responseElements\":null,\"requestID\":\"req-1\",\"eventID\":\"ev-1\",\"readOnly\":false");
        if (workspaceArn != null) {
            r.append(",\"resources\":[{\"accountId\":\"").append(workspaceArn.split(":")[4])
                    .append("\",\"type\":\"AWS::AWSExternalAnthropic::Workspace\",\"ARN\":\"").append(workspaceArn).append("\"}]");
        }
        r.append(",\"eventType\":\"AwsApiCall\",\"managementEvent\":").append(workspaceArn == null).append(",\"recipientAccountId\":\"111122223333\"")
                .append(",\"eventCategory\":\"").append(workspaceArn == null ? "Management" : "Data").append("\"}");
        return r.toString();
    }

    /** Another service's management event. {@code mentionClaude} puts the Claude service name in its parameters. */
    static String otherService(Instant time, String source, String action, boolean mentionClaude) {
        return "{\"eventVersion\":\"1.09\",\"userIdentity\":" + assumedRole("111122223333", "/", "ops", "bot") + ",\"eventTime\":\"" + time
                + "\",\"eventSource\":\"" + source + "\",\"eventName\":\"" + action + "\",\"awsRegion\":\"us-east-1\","
                + "\"sourceIPAddress\":\"10.0.0.1\",\"userAgent\":\"aws-cli/2\",\"requestParameters\":{"
                + (mentionClaude ? "\"serviceName\":\"" + CLAUDE + "\",\"userName\":\"AeaApiKey-3f9a\"" : "\"bucketName\":\"x\"")
                + "},\"responseElements\":null,\"eventType\":\"AwsApiCall\",\"managementEvent\":true,\"eventCategory\":\"Management\"}";
    }

    static String logFileJson(List<String> records) {
        return "{\"Records\":[" + String.join(",", records) + "]}";
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code [prefix/]AWSLogs/[o-ORG/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail_REGION_TIME_UNIQUE.json.gz}. */
    static String key(String prefix, String orgId, String account, String region, Instant fileTime, String unique) {
        return (prefix == null ? "" : prefix + "/") + "AWSLogs/" + (orgId == null ? "" : orgId + "/") + account + "/CloudTrail/" + region + "/"
                + DAY.format(fileTime) + "/" + account + "_CloudTrail_" + region + "_" + FILE_TIME.format(fileTime) + "_" + unique + ".json.gz";
    }
}

package io.claudebaseline.usage;

import io.claudebaseline.facts.AwsFacts;
import io.claudebaseline.live.ShadowUserPattern;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a CloudTrail {@code userIdentity} into the principal {@code aws:PrincipalArn} names, so that what acted
 * can be compared with the allow-lists (which the SCPs match against {@code aws:PrincipalArn}):
 *
 * <ul>
 *   <li>a role session ({@code AssumedRole}) is its role: the sessionIssuer's ARN, which carries the role's path
 *       (SSO permission-set roles live under {@value AwsFacts#SSO_ROLE_PATH}); without a sessionIssuer the role is
 *       rebuilt from the STS ARN {@code arn:aws:sts::ACCT:assumed-role/ROLE/SESSION}, putting back the SSO path for
 *       {@code AWSReservedSSO_*} roles (other paths cannot be recovered from a session ARN, and are not invented);</li>
 *   <li>an IAM user is its user ARN; a user whose name matches the shadow-user pattern is a {@link Principal.Kind#SHADOW_USER};</li>
 *   <li>root is {@code arn:aws:iam::ACCT:root}; a federated user keeps its {@code federated-user} ARN;</li>
 *   <li>a call an AWS service made itself is named by that service.</li>
 * </ul>
 * Applying it to its own output changes nothing, so rows that an Athena query already normalised pass through.
 */
public final class PrincipalNormalizer {
    private static final Pattern SESSION = Pattern.compile("arn:(aws[a-z0-9-]*):sts::(\\d{12}):assumed-role/([^/]+)/.*");
    private static final Pattern ROLE = Pattern.compile("arn:aws[a-z0-9-]*:iam::\\d{12}:role/.+");
    private static final Pattern USER = Pattern.compile("arn:aws[a-z0-9-]*:iam::\\d{12}:user/(?:.*/)?([^/]+)");
    private static final Pattern ROOT = Pattern.compile("arn:aws[a-z0-9-]*:iam::\\d{12}:root");
    private static final Pattern FEDERATED = Pattern.compile("arn:aws[a-z0-9-]*:sts::\\d{12}:federated-user/.+");

    private final ShadowUserPattern shadowUsers;

    /** @param shadowUserPattern the config's {@code controls.denyShadowUsers.userNamePattern}, e.g. {@code AeaApiKey-*} */
    public PrincipalNormalizer(String shadowUserPattern) {
        this.shadowUsers = new ShadowUserPattern(shadowUserPattern == null ? AwsFacts.DEFAULT_SHADOW_USER_PATTERN : shadowUserPattern);
    }

    public Principal normalize(TrailEvent.Identity id) {
        String type = id.type() == null ? "" : id.type();
        String arn = id.arn();
        if ("AWSService".equals(type)) {
            return new Principal(id.invokedBy() != null ? id.invokedBy() : "aws-service", Principal.Kind.SERVICE);
        }
        if (id.issuerArn() != null && ("AssumedRole".equals(type) || type.isEmpty()) && (id.issuerType() == null || "Role".equals(id.issuerType()))
                && ROLE.matcher(id.issuerArn()).matches()) {
            return new Principal(id.issuerArn(), Principal.Kind.ROLE);
        }
        if (arn == null || arn.isBlank()) {
            return new Principal("unknown", Principal.Kind.UNKNOWN);
        }
        Matcher session = SESSION.matcher(arn);
        if (session.matches()) {
            String role = session.group(3);
            String path = role.startsWith(AwsFacts.SSO_ROLE_NAME_PREFIX) ? AwsFacts.SSO_ROLE_PATH : "/";
            return new Principal("arn:" + session.group(1) + ":iam::" + session.group(2) + ":role" + path + role, Principal.Kind.ROLE);
        }
        if (ROLE.matcher(arn).matches()) {
            return new Principal(arn, Principal.Kind.ROLE);
        }
        Matcher user = USER.matcher(arn);
        if (user.matches()) {
            String name = id.userName() != null ? id.userName() : user.group(1);
            return new Principal(arn, shadowUsers.matches(name) ? Principal.Kind.SHADOW_USER : Principal.Kind.USER);
        }
        if (ROOT.matcher(arn).matches()) {
            return new Principal(arn, Principal.Kind.ROOT);
        }
        if (FEDERATED.matcher(arn).matches()) {
            return new Principal(arn, Principal.Kind.FEDERATED_USER);
        }
        return new Principal(arn, Principal.Kind.UNKNOWN);
    }
}

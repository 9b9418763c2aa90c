package io.claudebaseline.config;

import io.claudebaseline.exceptions.ExceptionRules;
import io.claudebaseline.facts.AwsFacts;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.render.BaselineBuilder;
import io.claudebaseline.render.Templates;
import io.claudebaseline.simulate.ScenarioValidator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Semantic rules for a parsed config. Returns every problem at once (errors and warnings), each naming the
 * field path and the fix. Runs before anything touches AWS.
 *
 * <p>Binding problems (unknown or mistyped fields, bad enum values) are {@link ConfigLoader}'s; the scenario
 * fields are {@link ScenarioValidator}'s; the rules that need the rendered text (SCP size after packing, SCPs per
 * target, selector values) come from building the baseline with the bundled templates once everything else is
 * valid. The rules are listed, with their reasons, in docs/configuration.md.
 */
public final class ConfigValidator {

    /** Longest suffix an SCP name gets ({@code -deny-long-term-key-creation-99}): the prefix must leave room. */
    public static final int PREFIX_MAX_LENGTH = AwsFacts.SCP_NAME_MAX_LENGTH - "-deny-long-term-key-creation-99".length() - 1;

    private static final Pattern WORKSPACE_ID = Pattern.compile(AwsFacts.WORKSPACE_ID_PATTERN);
    private static final Pattern TARGET = Pattern.compile(
            AwsFacts.ROOT_ID_PATTERN + "|" + AwsFacts.OU_ID_PATTERN + "|" + AwsFacts.ACCOUNT_ID_PATTERN);
    private static final Pattern ACCOUNT = Pattern.compile(AwsFacts.ACCOUNT_ID_PATTERN);
    private static final Pattern REGION = Pattern.compile(AwsFacts.REGION_PATTERN);
    private static final Pattern PARTITION = Pattern.compile(AwsFacts.PARTITION_PATTERN);
    private static final Pattern SCP_NAME = Pattern.compile(AwsFacts.SCP_NAME_PATTERN);
    private static final Pattern TAG_TEXT = Pattern.compile(AwsFacts.TAG_CHARACTERS_PATTERN);
    private static final Pattern TRAIL_NAME = Pattern.compile(AwsFacts.TRAIL_NAME_PATTERN);
    private static final Pattern S3_BUCKET = Pattern.compile(AwsFacts.S3_BUCKET_PATTERN);
    private static final Pattern USER_NAME_PATTERN = Pattern.compile("(" + AwsFacts.IAM_NAME_CHARACTERS + "|[*?])+");
    private static final Pattern ROLE_NAME = Pattern.compile(AwsFacts.IAM_NAME_CHARACTERS + "{1,64}");
    /** arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE, the parts split without judging them yet. */
    private static final Pattern ARN = Pattern.compile("arn:([^:]*):([^:]*):([^:]*):([^:]*):(.*)");
    /** IAM path and name characters, plus the * and ? wildcards ArnLike understands. */
    private static final Pattern IAM_RESOURCE = Pattern.compile("(role|user)/[\\w+=,.@/*?-]+");
    private static final Pattern ACCOUNT_WITH_WILDCARDS = Pattern.compile("[0-9*?]+");

    private ConfigValidator() {}

    /**
     * What validation found, and the baseline it built when there was no error (the size, slot and selector
     * rules need the rendered text, so checking them builds the baseline; callers reuse that build).
     *
     * @param problems errors and warnings, in field order
     * @param baseline the desired state built from the config, or null when a problem is an error
     */
    public record Validation(List<Problem> problems, Baseline baseline) {
        public boolean hasErrors() {
            return problems.stream().anyMatch(Problem::isError);
        }

        public List<Problem> warnings() {
            return problems.stream().filter(problem -> !problem.isError()).toList();
        }
    }

    /** Every problem of the config, with the bundled templates. */
    public static List<Problem> validate(BaselineConfig config) {
        return validate(config, Templates.bundled()).problems();
    }

    /** Every problem of the config rendered with {@code templates}, and the baseline when it is valid. */
    public static Validation validate(BaselineConfig config, Templates templates) {
        List<Problem> p = new ArrayList<>();
        version(config, p);
        partition(config, p);
        prefix(config, p);
        targets(config, p);
        workspaces(config, p);
        principals(config, "exemptPrincipals", config.exemptPrincipals(), p);
        controls(config, p);
        limits(config, p);
        tags(config, p);
        audit(config, p);
        p.addAll(ScenarioValidator.validate(config));
        p.addAll(ExceptionRules.validate(config));
        Baseline baseline = null;
        if (p.stream().noneMatch(Problem::isError)) {
            // Size, slots and selector values depend on the rendered text: build once to check them.
            try {
                baseline = BaselineBuilder.build(config, templates);
            } catch (ConfigException e) {
                p.addAll(e.problems());
            }
        }
        return new Validation(p, baseline);
    }

    private static void version(BaselineConfig c, List<Problem> p) {
        if (c.version() == null) {
            p.add(Problem.error("version", "missing; add 'version: 1' (the only config schema version)"));
        } else if (c.version() != 1) {
            p.add(Problem.error("version", c.version() + " is not a known config version; use 'version: 1'"));
        }
    }

    private static void partition(BaselineConfig c, List<Problem> p) {
        if (!PARTITION.matcher(c.partition()).matches()) {
            p.add(Problem.error("partition", quote(c.partition()) + " is not an ARN partition; use aws (default), aws-us-gov or aws-cn"));
        }
    }

    private static void prefix(BaselineConfig c, List<Problem> p) {
        String prefix = c.policyNamePrefix();
        if (prefix.isEmpty() || prefix.length() > PREFIX_MAX_LENGTH) {
            p.add(Problem.error("policyNamePrefix", "must be 1-" + PREFIX_MAX_LENGTH + " characters (SCP names are at most "
                    + AwsFacts.SCP_NAME_MAX_LENGTH + " and the tool appends a suffix such as -deny-long-term-key-creation); it has "
                    + prefix.length()));
        } else if (!SCP_NAME.matcher(prefix).matches()) {
            p.add(Problem.error("policyNamePrefix", quote(prefix) + " has characters SCP names cannot hold; use letters, digits and + = , . @ _ -"));
        }
    }

    private static void targets(BaselineConfig c, List<Problem> p) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < c.targets().size(); i++) {
            String path = "targets[" + i + "]";
            String t = c.targets().get(i);
            if (t == null || t.isEmpty()) {
                p.add(Problem.error(path, "empty target; give a root id (r-...), an OU id (ou-...-...) or a 12-digit account id"));
            } else if (!TARGET.matcher(t).matches()) {
                p.add(Problem.error(path, quote(t) + " is not a root id (r-ab12), an OU id (ou-ab12-11111111) or a 12-digit account id"
                        + (t.matches("\\d+") ? " (account ids have exactly 12 digits, leading zeros included)" : "")));
            } else if (!seen.add(t)) {
                p.add(Problem.error(path, quote(t) + " is listed twice; remove the duplicate"));
            }
        }
        if (c.targets().isEmpty() && anyScpControl(c)) {
            p.add(Problem.error("targets", "no targets: the SCPs would attach nowhere and protect nothing; list the root, OU or account ids "
                    + "to attach them to (e.g. targets: [r-ab12]), or turn the SCP controls off"));
        }
    }

    private static void workspaces(BaselineConfig c, List<Problem> p) {
        boolean protect = c.controls().protectWorkspaces().enabled();
        boolean listed = c.controls().cloudTrailDataEvents().isEnabled()
                && c.controls().cloudTrailDataEvents().scope() == ControlsConfig.CloudTrailDataEvents.Scope.LISTED_WORKSPACES;
        if (c.workspaces().isEmpty() && protect && !c.controls().protectWorkspaces().hasByTag()) {
            p.add(Problem.error("workspaces", "no workspaces to protect; list them (id, region, account, allowedPrincipals), "
                    + "protect them by tag (controls.protectWorkspaces.byTag) or set controls.protectWorkspaces: false"));
        }
        if (c.workspaces().isEmpty() && listed) {
            p.add(Problem.error("controls.cloudTrailDataEvents.scope", "listed-workspaces with no workspaces logs nothing; "
                    + "list workspaces or use scope: all-workspaces"));
        }
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < c.workspaces().size(); i++) {
            String path = "workspaces[" + i + "]";
            WorkspaceConfig w = c.workspaces().get(i);
            if (w == null) {
                p.add(Problem.error(path, "empty entry; give at least id and allowedPrincipals"));
                continue;
            }
            if (w.id() == null || w.id().isEmpty()) {
                p.add(Problem.error(path + ".id", "missing; the workspace id looks like wrkspc_01AbCdEf23GhIj (Claude Console, workspace settings)"));
            } else if (hasControlOrSpace(w.id())) {
                p.add(Problem.error(path + ".id", "contains whitespace or control characters; copy the id exactly (wrkspc_ followed by letters and digits)"));
            } else if (!WORKSPACE_ID.matcher(w.id()).matches()) {
                p.add(Problem.error(path + ".id", quote(w.id()) + " is not a workspace id; it must be wrkspc_ followed by letters and digits"
                        + (w.id().startsWith("arn:") ? " (give the id, not the ARN)" : "")));
            } else if (ids.containsKey(w.id())) {
                p.add(Problem.error(path + ".id", quote(w.id()) + " is already listed at workspaces[" + ids.get(w.id())
                        + "]; list each workspace once (merge their allowedPrincipals)"));
            } else {
                ids.put(w.id(), i);
            }
            if (!WorkspaceConfig.ANY.equals(w.region()) && !REGION.matcher(w.region()).matches()) {
                p.add(Problem.error(path + ".region", quote(w.region()) + " is not a region name such as us-east-1; omit it to match any region"));
            }
            if (!WorkspaceConfig.ANY.equals(w.account()) && !ACCOUNT.matcher(w.account()).matches()) {
                p.add(Problem.error(path + ".account", quote(w.account()) + " is not a 12-digit account id"));
            }
            boolean anyRegion = WorkspaceConfig.ANY.equals(w.region());
            boolean anyAccount = WorkspaceConfig.ANY.equals(w.account());
            if (listed && (anyRegion || anyAccount)) {
                p.add(Problem.error(path, "controls.cloudTrailDataEvents.scope is listed-workspaces, which selects each workspace by its "
                        + "ARN prefix, and CloudTrail selectors have no wildcards; set " + (anyRegion ? "region" : "")
                        + (anyRegion && anyAccount ? " and " : "") + (anyAccount ? "account" : "") + " for this workspace, or use scope: all-workspaces"));
            } else if (protect && (anyRegion || anyAccount)) {
                p.add(Problem.warning(path, "no " + (anyRegion ? "region" : "") + (anyRegion && anyAccount ? " or " : "")
                        + (anyAccount ? "account" : "") + ": the deny matches workspace " + w.id() + " in any "
                        + (anyRegion && anyAccount ? "region and account" : anyRegion ? "region" : "account")
                        + "; set " + (anyRegion && anyAccount ? "them" : anyRegion ? "region" : "account")
                        + " to pin the statement to the one workspace"));
            }
            if (protect && w.allowedPrincipals().isEmpty()) {
                p.add(Problem.error(path + ".allowedPrincipals", "empty: the deny would lock every principal out of the workspace; "
                        + "list the IAM role/user ARNs that may use it"));
            }
            principals(c, path + ".allowedPrincipals", w.allowedPrincipals(), p);
        }
    }

    /** Principals land in {@code ArnNotLike aws:PrincipalArn}: they must be IAM role or user ARNs. */
    private static void principals(BaselineConfig c, String field, List<String> arns, List<Problem> p) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < arns.size(); i++) {
            String path = field + "[" + i + "]";
            String arn = arns.get(i);
            if (arn == null || arn.isEmpty()) {
                p.add(Problem.error(path, "empty; give an IAM role or user ARN such as arn:" + c.partition() + ":iam::111122223333:role/NAME"));
                continue;
            }
            if (hasControlOrSpace(arn)) {
                p.add(Problem.error(path, "contains whitespace or control characters, which no ARN holds; copy the ARN exactly"));
                continue;
            }
            if (!seen.add(arn)) {
                p.add(Problem.warning(path, quote(arn) + " is listed twice; remove the duplicate"));
            }
            principal(c, path, arn, p);
        }
    }

    private static void principal(BaselineConfig c, String path, String arn, List<Problem> p) {
        if (arn.equals("*")) {
            p.add(Problem.error(path, "'*' matches every principal, so the deny would never apply; list IAM role/user ARNs"));
            return;
        }
        Matcher m = ARN.matcher(arn);
        if (!m.matches()) {
            p.add(Problem.error(path, quote(arn) + " is not an ARN; give an IAM role or user ARN such as arn:" + c.partition()
                    + ":iam::111122223333:role/NAME"));
            return;
        }
        String partition = m.group(1);
        String service = m.group(2);
        String account = m.group(4);
        String resource = m.group(5);
        if (service.equals("sts") && resource.startsWith("assumed-role/")) {
            String[] parts = resource.split("/");
            String role = parts.length > 1 ? parts[1] : "ROLE";
            p.add(Problem.error(path, "an STS assumed-role session ARN never matches: aws:PrincipalArn holds the role's ARN; use arn:"
                    + partition + ":iam::" + account + ":role/" + role + " (add the role's path if it has one)"));
            return;
        }
        if (!service.equals("iam") || !m.group(3).isEmpty()) {
            p.add(Problem.error(path, quote(arn) + " is not an IAM ARN; aws:PrincipalArn holds IAM role or user ARNs such as arn:"
                    + c.partition() + ":iam::111122223333:role/NAME"));
            return;
        }
        if (!partition.equals(c.partition()) && !partition.equals("*")) {
            p.add(Problem.error(path, "partition " + quote(partition) + " differs from the config's partition " + quote(c.partition())
                    + "; fix the ARN or set partition: " + partition));
        }
        if (!(ACCOUNT.matcher(account).matches() || (ACCOUNT_WITH_WILDCARDS.matcher(account).matches() && hasWildcard(account)))) {
            p.add(Problem.error(path, "account " + quote(account) + " is not a 12-digit account id (or '*' for any account)"));
            return;
        }
        if (resource.equals("*") || resource.equals("*/*")) {
            p.add(Problem.warning(path, quote(arn) + " matches every role and user in " + accounts(account)
                    + "; name the roles (wildcards within a name are fine)"));
            return;
        }
        if (resource.equals("root")) {
            p.add(Problem.error(path, "the account root user is not an IAM role or user and SCPs cannot exempt it by ARN here; "
                    + "list IAM role/user ARNs"));
            return;
        }
        if (!IAM_RESOURCE.matcher(resource).matches()) {
            p.add(Problem.error(path, quote(arn) + " is not an IAM role or user ARN (role/NAME or user/NAME, with an optional path; "
                    + "names use letters, digits and + = , . @ _ -, plus * and ? wildcards)"));
            return;
        }
        String name = resource.substring(resource.indexOf('/') + 1);
        if (onlyWildcardsAndSlashes(name)) {
            p.add(Problem.warning(path, quote(arn) + " matches every " + resource.substring(0, resource.indexOf('/')) + " in "
                    + accounts(account) + "; name the roles (wildcards within a name are fine)"));
        }
    }

    private static String accounts(String account) {
        return account.equals("*") ? "every account" : account.matches("\\d{12}") ? "account " + account : "the matching accounts";
    }

    /**
     * A baseline that enables nothing protects nothing, yet every gate on it would pass: an error unless accepted with
     * allowEmptyBaseline. Each of the guide's controls that is off gets a warning either way.
     */
    private static void someControlIsOn(BaselineConfig c, List<Problem> p) {
        Map<String, Boolean> controls = c.controls().enabledByName();
        if (!controls.containsValue(true) && !c.allowEmptyBaseline()) {
            p.add(Problem.error("controls", "no control is enabled: the baseline protects nothing, and verify would pass while nothing "
                    + "is in place; turn on at least one control (docs/controls.md), or set allowEmptyBaseline: true to accept "
                    + "an empty baseline on purpose"));
        }
        for (String guide : ControlsConfig.GUIDE_CONTROLS) {
            if (!controls.getOrDefault(guide, true)) {
                p.add(Problem.warning("controls." + guide, "is off, so this part of the hardening guide is not enforced "
                        + "(see docs/controls.md); remove 'enabled: false' to turn it on"));
            }
        }
    }

    private static void controls(BaselineConfig c, List<Problem> p) {
        someControlIsOn(c, p);
        keyCreation(c.controls().denyLongTermKeyCreation(), p);
        byTag(c, p);
        platformAdministration(c, p);
        ControlsConfig.ShadowUsers shadow = c.controls().denyShadowUsers();
        if (shadow.isEnabled()) {
            String pattern = shadow.userNamePattern();
            String path = "controls.denyShadowUsers.userNamePattern";
            if (pattern.isEmpty() || pattern.length() > AwsFacts.IAM_USER_NAME_MAX_LENGTH || !USER_NAME_PATTERN.matcher(pattern).matches()) {
                p.add(Problem.error(path, quote(pattern) + " is not an IAM user name pattern: 1-" + AwsFacts.IAM_USER_NAME_MAX_LENGTH
                        + " characters of letters, digits, + = , . @ _ - and the wildcards * and ?"));
            } else if (pattern.matches("[*?]+")) {
                p.add(Problem.error(path, quote(pattern) + " matches every user name: the deny would block creating any IAM user; use "
                        + AwsFacts.DEFAULT_SHADOW_USER_PATTERN));
            } else if (pattern.contains("?")) {
                p.add(Problem.warning(path, quote(pattern) + " uses '?', which matches exactly one character; the suffix length of the "
                        + "console's shadow users is not documented, so " + AwsFacts.DEFAULT_SHADOW_USER_PATTERN + " is safer"));
            }
        }
        ControlsConfig.CloudTrailDataEvents trail = c.controls().cloudTrailDataEvents();
        if (trail.isEnabled()) {
            String base = "controls.cloudTrailDataEvents";
            if (trail.trailName() == null || trail.trailName().isEmpty()) {
                p.add(Problem.error(base + ".trailName", "missing; name the trail that should log Claude data events (e.g. trailName: org-trail)"));
            } else if (trail.trailName().startsWith("arn:")) {
                p.add(Problem.error(base + ".trailName", "give the trail's name, not its ARN (the name is the part after ':trail/')"));
            } else if (!TRAIL_NAME.matcher(trail.trailName()).matches()) {
                p.add(Problem.error(base + ".trailName", quote(trail.trailName()) + " is not a trail name: 3-128 letters, digits, '.', '_' "
                        + "or '-', starting with a letter or digit"));
            }
            if (trail.homeRegion() == null || trail.homeRegion().isEmpty()) {
                p.add(Problem.error(base + ".homeRegion", "missing; give the region the trail was created in (event selectors can only be "
                        + "written there), e.g. homeRegion: us-east-1"));
            } else if (!REGION.matcher(trail.homeRegion()).matches()) {
                p.add(Problem.error(base + ".homeRegion", quote(trail.homeRegion()) + " is not a region name such as us-east-1"));
            }
            createTrail(trail.createTrail(), base + ".createTrail", p);
        }
    }

    private static void keyCreation(ControlsConfig.KeyCreation k, List<Problem> p) {
        Integer days = k.maxAgeDays();
        if (k.isEnabled() && days != null && (days < AwsFacts.SSC_AGE_DAYS_MIN || days > AwsFacts.SSC_AGE_DAYS_MAX)) {
            p.add(Problem.error("controls.denyLongTermKeyCreation.maxAgeDays", days + " is out of range; a key's CredentialAgeDays is "
                    + AwsFacts.SSC_AGE_DAYS_MIN + "-" + AwsFacts.SSC_AGE_DAYS_MAX + " whole days (omit maxAgeDays to deny every new key)"));
        }
    }

    private static void byTag(BaselineConfig c, List<Problem> p) {
        ControlsConfig.ProtectWorkspaces protect = c.controls().protectWorkspaces();
        if (!protect.hasByTag()) {
            return;
        }
        ControlsConfig.ByTag t = protect.byTag();
        String base = "controls.protectWorkspaces.byTag";
        String key = t.key();
        if (key == null || key.isEmpty()) {
            p.add(Problem.error(base + ".key", "missing; name the tag that marks a critical workspace (e.g. key: criticality)"));
        } else if (key.length() > AwsFacts.TAG_KEY_MAX_LENGTH) {
            p.add(Problem.error(base + ".key", "tag keys have 1-" + AwsFacts.TAG_KEY_MAX_LENGTH + " characters; this one has " + key.length()));
        } else if (key.toLowerCase(Locale.ROOT).startsWith(AwsFacts.TAG_RESERVED_PREFIX)) {
            p.add(Problem.error(base + ".key", "tag keys starting with 'aws:' are reserved for AWS and cannot be set on a workspace; rename the key"));
        } else if (!TAG_TEXT.matcher(key).matches()) {
            p.add(Problem.error(base + ".key", quote(key) + " has characters AWS does not accept in tag keys (wildcards included: "
                    + "aws:ResourceTag/<key> names one key); use letters, digits, spaces and _ . : / = + - @"));
        }
        if (t.values().isEmpty()) {
            p.add(Problem.error(base + ".values", "empty; list the tag values that mark a workspace as protected (e.g. values: [critical])"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < t.values().size(); i++) {
            String v = t.values().get(i);
            String path = base + ".values[" + i + "]";
            if (v.length() > AwsFacts.TAG_VALUE_MAX_LENGTH) {
                p.add(Problem.error(path, "tag values have at most " + AwsFacts.TAG_VALUE_MAX_LENGTH + " characters; this one has " + v.length()));
            } else if (!TAG_TEXT.matcher(v).matches()) {
                p.add(Problem.error(path, quote(v) + " has characters AWS does not accept in tag values; use letters, digits, spaces and _ . : / = + - @"));
            } else if (!seen.add(v)) {
                p.add(Problem.warning(path, quote(v) + " is listed twice; remove the duplicate"));
            }
        }
        if (t.allowedPrincipals().isEmpty()) {
            p.add(Problem.error(base + ".allowedPrincipals", "empty: the deny would lock every principal out of every tagged workspace;"
                    + " list the IAM role/user ARNs that may use them"));
        }
        principals(c, base + ".allowedPrincipals", t.allowedPrincipals(), p);
    }

    private static void platformAdministration(BaselineConfig c, List<Problem> p) {
        ControlsConfig.PlatformAdministration admin = c.controls().restrictPlatformAdministration();
        if (!admin.isEnabled()) {
            return;
        }
        String path = "controls.restrictPlatformAdministration.platformAdmins";
        if (admin.platformAdmins().isEmpty()) {
            p.add(Problem.error(path, "empty: the deny would lock everyone (but exemptPrincipals) out of creating workspaces and"
                    + " managing the encryption keys; list the IAM role/user ARNs of the platform admins, or turn the control off"));
        }
        principals(c, path, admin.platformAdmins(), p);
    }

    private static void createTrail(ControlsConfig.CreateTrail t, String base, List<Problem> p) {
        if (t == null) {
            return;
        }
        if (t.s3BucketName() == null || t.s3BucketName().isEmpty()) {
            p.add(Problem.error(base + ".s3BucketName", "missing; a new trail needs the S3 bucket it delivers logs to"));
        } else if (!S3_BUCKET.matcher(t.s3BucketName()).matches()) {
            p.add(Problem.error(base + ".s3BucketName", quote(t.s3BucketName()) + " is not an S3 bucket name (3-63 lowercase letters, digits, '.' and '-')"));
        }
        checkArnText(t.kmsKeyId(), base + ".kmsKeyId", p);
        checkArnText(t.cloudWatchLogsGroupArn(), base + ".cloudWatchLogsGroupArn", p);
        checkArnText(t.cloudWatchLogsRoleArn(), base + ".cloudWatchLogsRoleArn", p);
        boolean group = t.cloudWatchLogsGroupArn() != null && !t.cloudWatchLogsGroupArn().isEmpty();
        boolean role = t.cloudWatchLogsRoleArn() != null && !t.cloudWatchLogsRoleArn().isEmpty();
        if (group != role) {
            p.add(Problem.error(base + (group ? ".cloudWatchLogsRoleArn" : ".cloudWatchLogsGroupArn"),
                    "CloudWatch Logs delivery needs both cloudWatchLogsGroupArn and cloudWatchLogsRoleArn; set both or neither"));
        }
        if (group && !t.cloudWatchLogsGroupArn().endsWith(":*")) {
            p.add(Problem.error(base + ".cloudWatchLogsGroupArn", "CloudTrail wants the log group ARN with the log-stream wildcard; append ':*'"));
        }
    }

    private static void checkArnText(String value, String path, List<Problem> p) {
        if (value != null && !value.isEmpty() && (hasControlOrSpace(value) || !value.startsWith("arn:") && value.contains("/"))) {
            p.add(Problem.error(path, "not a valid ARN or id (whitespace, control characters or a malformed value); copy it exactly"));
        }
    }

    private static void limits(BaselineConfig c, List<Problem> p) {
        LimitsConfig l = c.limits();
        if (l.scpMaxCharacters() < 100) {
            p.add(Problem.error("limits.scpMaxCharacters", l.scpMaxCharacters() + " cannot hold any statement; AWS allows "
                    + AwsFacts.DEFAULT_SCP_MAX_CHARACTERS + " (" + AwsFacts.LEGACY_SCP_MAX_CHARACTERS + " before 15 May 2026)"));
        } else if (l.scpMaxCharacters() < AwsFacts.LEGACY_SCP_MAX_CHARACTERS) {
            p.add(Problem.warning("limits.scpMaxCharacters", l.scpMaxCharacters() + " is below AWS's legacy limit of "
                    + AwsFacts.LEGACY_SCP_MAX_CHARACTERS + "; SCPs will be split more than needed"));
        } else if (l.scpMaxCharacters() > AwsFacts.DEFAULT_SCP_MAX_CHARACTERS) {
            p.add(Problem.warning("limits.scpMaxCharacters", l.scpMaxCharacters() + " is above AWS's documented limit of "
                    + AwsFacts.DEFAULT_SCP_MAX_CHARACTERS + "; AWS will reject larger SCPs unless your organisation has a higher quota"));
        }
        if (l.scpMaxPerTarget() < 2) {
            p.add(Problem.error("limits.scpMaxPerTarget", l.scpMaxPerTarget() + " leaves no slot beside FullAWSAccess; AWS allows "
                    + AwsFacts.DEFAULT_SCP_MAX_PER_TARGET + " (" + AwsFacts.LEGACY_SCP_MAX_PER_TARGET + " before 15 May 2026)"));
        } else if (l.scpMaxPerTarget() < AwsFacts.LEGACY_SCP_MAX_PER_TARGET) {
            p.add(Problem.warning("limits.scpMaxPerTarget", l.scpMaxPerTarget() + " is below AWS's legacy limit of "
                    + AwsFacts.LEGACY_SCP_MAX_PER_TARGET));
        }
        if (l.selectorValuesMax() < 1) {
            p.add(Problem.error("limits.selectorValuesMax", "must be at least 1; CloudTrail allows " + AwsFacts.CLOUDTRAIL_MAX_SELECTOR_VALUES));
        } else if (l.selectorValuesMax() > AwsFacts.CLOUDTRAIL_MAX_SELECTOR_VALUES) {
            p.add(Problem.warning("limits.selectorValuesMax", l.selectorValuesMax() + " is above CloudTrail's documented "
                    + AwsFacts.CLOUDTRAIL_MAX_SELECTOR_VALUES + " values per trail"));
        }
    }

    private static void tags(BaselineConfig c, List<Problem> p) {
        if (c.tags().size() > AwsFacts.MAX_TAGS_PER_RESOURCE - 1) {
            p.add(Problem.error("tags", c.tags().size() + " tags; an SCP holds " + AwsFacts.MAX_TAGS_PER_RESOURCE
                    + " and the ownership tag takes one"));
        }
        for (Map.Entry<String, String> e : c.tags().entrySet()) {
            String key = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue();
            String path = "tags." + key;
            if (key.isEmpty() || key.length() > AwsFacts.TAG_KEY_MAX_LENGTH) {
                p.add(Problem.error(path, "tag keys have 1-" + AwsFacts.TAG_KEY_MAX_LENGTH + " characters; this one has " + key.length()));
            } else if (key.toLowerCase(Locale.ROOT).startsWith(AwsFacts.TAG_RESERVED_PREFIX)) {
                p.add(Problem.error(path, "tag keys starting with 'aws:' are reserved for AWS; rename the key"));
            } else if (key.equals(AwsFacts.OWNERSHIP_TAG_KEY)) {
                p.add(Problem.error(path, "'" + AwsFacts.OWNERSHIP_TAG_KEY + "' is the ownership tag claude-baseline sets itself ("
                        + AwsFacts.OWNERSHIP_TAG_KEY + "=" + AwsFacts.OWNERSHIP_TAG_VALUE + "); remove it from tags"));
            } else if (!TAG_TEXT.matcher(key).matches()) {
                p.add(Problem.error(path, "the tag key has characters AWS does not accept in tags; use letters, digits, spaces and _ . : / = + - @"));
            }
            if (value.length() > AwsFacts.TAG_VALUE_MAX_LENGTH) {
                p.add(Problem.error(path, "tag values have at most " + AwsFacts.TAG_VALUE_MAX_LENGTH + " characters; this one has " + value.length()));
            } else if (!TAG_TEXT.matcher(value).matches()) {
                p.add(Problem.error(path, "the tag value has characters AWS does not accept in tags (quotes, control characters, ...); "
                        + "use letters, digits, spaces and _ . : / = + - @"));
            }
        }
    }

    private static void audit(BaselineConfig c, List<Problem> p) {
        AuditConfig a = c.audit();
        if (!ROLE_NAME.matcher(a.roleName()).matches()) {
            p.add(Problem.error("audit.roleName", quote(a.roleName()) + " is not an IAM role name (1-64 letters, digits and + = , . @ _ -); "
                    + "give the name, not the ARN"));
        }
        if (a.externalId() != null && (a.externalId().length() < 2 || a.externalId().length() > 1224 || hasControlOrSpace(a.externalId()))) {
            p.add(Problem.error("audit.externalId", "must be 2-1224 characters without whitespace or control characters"));
        }
        if (a.concurrency() < 1 || a.concurrency() > 64) {
            p.add(Problem.error("audit.concurrency", a.concurrency() + " is out of range; use 1-64 (Organizations and IAM throttle beyond that)"));
        }
    }

    private static boolean anyScpControl(BaselineConfig c) {
        ControlsConfig k = c.controls();
        return k.protectWorkspaces().enabled() || k.denyLongTermKeyCreation().isEnabled() || k.denyShadowUsers().isEnabled()
                || k.denyLongTermKeyUse().enabled() || k.restrictPlatformAdministration().isEnabled();
    }

    /*
     * The checks below run on every workspace and principal (tens of thousands in a large config): plain loops,
     * not a stream or a regex compiled per call.
     */
    private static boolean hasControlOrSpace(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                    || Character.getType(cp) == Character.FORMAT) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    private static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }

    /** True when {@code s} is empty or only '*', '?' and '/' (a name that matches every role or user). */
    private static boolean onlyWildcardsAndSlashes(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch != '*' && ch != '?' && ch != '/') {
                return false;
            }
        }
        return true;
    }

    /** Quotes a user value for a message, with control characters made visible so the message stays one line. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("'");
        s.codePoints().limit(200).forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                sb.append(String.format("\\u%04X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.append(s.length() > 200 ? "...'" : "'").toString();
    }
}

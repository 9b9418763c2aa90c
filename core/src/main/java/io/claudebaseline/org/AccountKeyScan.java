package io.claudebaseline.org;

import io.claudebaseline.aws.AwsOperation;
import io.claudebaseline.facts.AwsFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListServiceSpecificCredentialsResponse;
import software.amazon.awssdk.services.iam.model.ServiceSpecificCredentialMetadata;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.User;

/**
 * The long-term Claude key inventory of one account: IAM users whose name matches the shadow-user pattern, and
 * the service-specific credentials for {@link AwsFacts#SERVICE_NAME}. Only ids, names, statuses and dates are
 * kept — IAM never returns a secret from these list calls, and nothing here would keep one. Failures surface as
 * {@link io.claudebaseline.aws.AwsOperationException} naming the IAM action the audit role lacks.
 */
public final class AccountKeyScan {
    private AccountKeyScan() {}

    /** An IAM user that looks like the backing user of a console-created long-term key. */
    public record ShadowUser(String userName, String path, Instant created) {}

    /**
     * A long-term key (service-specific credential) for Claude Platform: id, owner, status and dates only. The one
     * record for it, read by the organisation's member audit and by verify's own account ({@link #listKeys}).
     */
    public record LongTermKey(String id, String userName, String status, Instant created, Instant expires) {
        public boolean active() {
            return StatusType.ACTIVE.toString().equalsIgnoreCase(status);
        }

        /** Whether {@code denyLongTermKeyCreation.maxAgeDays} allows a key like this one (null: no key is allowed). */
        public boolean withinMaxAge(Integer maxAgeDays) {
            return AwsFacts.keyWithinMaxAge(created, expires, maxAgeDays);
        }
    }

    /**
     * What one account holds, judged against {@code maxAgeDays} (null when every Claude key is forbidden): an active
     * key within it is one the baseline lets be created, so it is listed but is no finding.
     */
    public record Inventory(List<ShadowUser> shadowUsers, List<LongTermKey> keys, Integer maxAgeDays) {
        public Inventory {
            shadowUsers = List.copyOf(shadowUsers);
            keys = List.copyOf(keys);
        }

        /** An inventory in which every active key is forbidden (no maxAgeDays). */
        public Inventory(List<ShadowUser> shadowUsers, List<LongTermKey> keys) {
            this(shadowUsers, keys, null);
        }

        public List<LongTermKey> activeKeys() {
            return keys.stream().filter(LongTermKey::active).toList();
        }

        /** Active keys the baseline would not let be created: no expiry, or one beyond maxAgeDays. */
        public List<LongTermKey> forbiddenKeys() {
            return keys.stream().filter(k -> k.active() && !k.withinMaxAge(maxAgeDays)).toList();
        }

        /** Active keys that expire within maxAgeDays of their creation: allowed, reported, no finding. */
        public List<LongTermKey> allowedKeys() {
            return keys.stream().filter(k -> k.active() && k.withinMaxAge(maxAgeDays)).toList();
        }

        /** Findings are shadow users and forbidden keys; inactive keys cannot be used, allowed ones are allowed. */
        public boolean hasFindings() {
            return !shadowUsers.isEmpty() || !forbiddenKeys().isEmpty();
        }
    }

    static Inventory scan(IamClient iam, NamePattern shadowUserPattern, Integer maxAgeDays) {
        List<ShadowUser> shadowUsers = new ArrayList<>();
        AwsOperation.LIST_USERS.run("the account's IAM users", () -> {
            for (User user : iam.listUsersPaginator().users()) {
                if (shadowUserPattern.matches(user.userName())) {
                    shadowUsers.add(new ShadowUser(user.userName(), user.path(), user.createDate()));
                }
            }
        });

        List<LongTermKey> keys = listKeys(iam, AwsFacts.SERVICE_NAME);
        return new Inventory(shadowUsers, keys, maxAgeDays);
    }

    /**
     * Every Claude long-term key of the account {@code iam} acts in, whoever owns it. {@code resource} names what
     * was being read in the error when IAM refuses.
     */
    public static List<LongTermKey> listKeys(IamClient iam, String resource) {
        List<LongTermKey> keys = new ArrayList<>();
        AwsOperation.LIST_SERVICE_SPECIFIC_CREDENTIALS.run(resource, () -> {
            // The SDK has no paginator for this operation; follow Marker by hand.
            String marker = null;
            do {
                String from = marker;
                ListServiceSpecificCredentialsResponse page = iam.listServiceSpecificCredentials(r -> r
                        .serviceName(AwsFacts.SERVICE_NAME).allUsers(true).marker(from));
                for (ServiceSpecificCredentialMetadata c : page.serviceSpecificCredentials()) {
                    keys.add(new LongTermKey(c.serviceSpecificCredentialId(), c.userName(), c.statusAsString(),
                            c.createDate(), c.expirationDate()));
                }
                marker = Boolean.TRUE.equals(page.isTruncated()) ? page.marker() : null;
            } while (marker != null);
        });
        return keys;
    }
}

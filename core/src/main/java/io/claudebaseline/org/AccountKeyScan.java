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

    /** A long-term key (service-specific credential) for Claude Platform. */
    public record LongTermKey(String id, String userName, String status, Instant created, Instant expires) {
        public boolean active() {
            return StatusType.ACTIVE.toString().equals(status);
        }
    }

    /** What one account holds. */
    public record Inventory(List<ShadowUser> shadowUsers, List<LongTermKey> keys) {
        public Inventory {
            shadowUsers = List.copyOf(shadowUsers);
            keys = List.copyOf(keys);
        }

        public List<LongTermKey> activeKeys() {
            return keys.stream().filter(LongTermKey::active).toList();
        }

        /** Findings are shadow users and ACTIVE keys; inactive or expired keys cannot be used. */
        public boolean hasFindings() {
            return !shadowUsers.isEmpty() || keys.stream().anyMatch(LongTermKey::active);
        }
    }

    static Inventory scan(IamClient iam, NamePattern shadowUserPattern) {
        List<ShadowUser> shadowUsers = new ArrayList<>();
        AwsOperation.LIST_USERS.run("the account's IAM users", () -> {
            for (User user : iam.listUsersPaginator().users()) {
                if (shadowUserPattern.matches(user.userName())) {
                    shadowUsers.add(new ShadowUser(user.userName(), user.path(), user.createDate()));
                }
            }
        });

        List<LongTermKey> keys = new ArrayList<>();
        AwsOperation.LIST_SERVICE_SPECIFIC_CREDENTIALS.run(AwsFacts.SERVICE_NAME, () -> {
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
        return new Inventory(shadowUsers, keys);
    }
}

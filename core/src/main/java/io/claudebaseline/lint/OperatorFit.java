package io.claudebaseline.lint;

import java.util.Optional;
import java.util.Set;

/**
 * Which condition key types an operator family compares meaningfully (reference_policies_elements_condition_operators.html):
 * string operators work on string and ARN keys, ARN operators on ARN keys, numeric on numbers, date on dates,
 * Bool on booleans, IpAddress on IP addresses, BinaryEquals on binary values; Null fits every key because it only
 * tests presence. Types are the Service Authorization Reference's ({@code String}, {@code ArrayOfString},
 * {@code ARN}, {@code Bool}, {@code Numeric}, {@code Date}, {@code IPAddress}, {@code Binary}, ...).
 */
final class OperatorFit {
    private OperatorFit() {}

    private record Family(String prefix, Set<String> baseTypes) {}

    private static final Family[] FAMILIES = {
        new Family("String", Set.of("String", "ARN")),
        new Family("Numeric", Set.of("Numeric")),
        new Family("Date", Set.of("Date")),
        new Family("Bool", Set.of("Bool")),
        new Family("Binary", Set.of("Binary")),
        new Family("Arn", Set.of("ARN")),
        new Family("IpAddress", Set.of("IPAddress")),
        new Family("NotIpAddress", Set.of("IPAddress")),
    };

    /**
     * The operator family's name when it does not fit {@code keyType}; empty when it fits, or when the operator or
     * the type is one this table does not know (nothing to warn about).
     */
    static Optional<String> misfit(String operator, String keyType) {
        String base = operator.replaceFirst("^For(Any|All)Value:", "").replaceFirst("IfExists$", "");
        if (base.equals("Null")) {
            return Optional.empty();
        }
        String type = keyType.startsWith("ArrayOf") ? keyType.substring("ArrayOf".length()) : keyType;
        for (Family f : FAMILIES) {
            if (base.startsWith(f.prefix())) {
                return f.baseTypes().stream().anyMatch(t -> t.equalsIgnoreCase(type)) ? Optional.empty() : Optional.of(f.prefix());
            }
        }
        return Optional.empty();
    }
}

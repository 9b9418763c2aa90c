package io.claudebaseline.lint;

import io.claudebaseline.facts.ServiceReference;
import io.claudebaseline.facts.ServiceReference.ActionInfo;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Whether a {@code Resource} pattern can name a resource of the types some actions take: the reference's ARN
 * formats ({@code arn:${Partition}:iam::${Account}:user/${UserNameWithPath}}) read as wildcard patterns, each
 * {@code ${...}} standing for any text within its ARN component, and a pattern fits a format when some ARN matches
 * both, component by component (partition, service, region, account, resource), so that a wildcard in one
 * component cannot stand in for another service's name.
 */
final class ArnFormats {
    private ArnFormats() {}

    /** The ARN formats of every resource type the actions take. */
    static Set<String> of(ServiceReference reference, Collection<ActionInfo> actions) {
        Set<String> formats = new LinkedHashSet<>();
        for (ActionInfo a : actions) {
            a.resources().forEach(r -> reference.arnFormat(a.service(), r.type()).ifPresent(formats::add));
        }
        return formats;
    }

    private static final int ARN_COMPONENTS = 6;

    /** True when some ARN matches both the resource pattern and the ARN format. */
    static boolean fits(String resourcePattern, String arnFormat) {
        String format = arnFormat.replaceAll("\\$\\{[^}]*}", "*");
        String[] r = resourcePattern.split(":", ARN_COMPONENTS);
        String[] f = format.split(":", ARN_COMPONENTS);
        if (r.length != ARN_COMPONENTS || f.length != ARN_COMPONENTS) {
            return intersect(resourcePattern, format);
        }
        for (int i = 0; i < ARN_COMPONENTS; i++) {
            if (!intersect(r[i], f[i])) {
                return false;
            }
        }
        return true;
    }

    /** Two IAM wildcard patterns ({@code *} any run, {@code ?} one character) share a match. */
    static boolean intersect(String a, String b) {
        boolean[][] reach = new boolean[a.length() + 1][b.length() + 1];
        reach[a.length()][b.length()] = true;
        for (int i = a.length(); i >= 0; i--) {
            for (int j = b.length(); j >= 0; j--) {
                if (i == a.length() && j == b.length()) {
                    continue;
                }
                boolean starA = i < a.length() && a.charAt(i) == '*';
                boolean starB = j < b.length() && b.charAt(j) == '*';
                boolean r = false;
                if (starA) {
                    r = reach[i + 1][j] || (j < b.length() && reach[i][j + 1]);
                }
                if (!r && starB) {
                    r = reach[i][j + 1] || (i < a.length() && reach[i + 1][j]);
                }
                if (!r && !starA && !starB && i < a.length() && j < b.length()) {
                    char x = a.charAt(i);
                    char y = b.charAt(j);
                    r = (x == y || x == '?' || y == '?') && reach[i + 1][j + 1];
                }
                reach[i][j] = r;
            }
        }
        return reach[0][0];
    }
}

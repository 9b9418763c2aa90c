package io.claudebaseline.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A request's context always holds aws:PrincipalArn and can never change under it; requests of one principal may
 * share the one-entry context (simulate makes 65 per principal and workspace), never a context the caller could
 * still change.
 */
class RequestTest {
    private static final String ROLE = "arn:aws:iam::111122223333:role/a";

    @Test
    void requestsOfOnePrincipalShareItsContext() {
        Request first = Request.of(ROLE, "iam:CreateUser", "*");
        Request second = new Request(ROLE, "iam:DeleteUser", "*", first.context());
        assertThat(second.context()).isSameAs(first.context()).isEqualTo(Map.of(Request.PRINCIPAL_ARN_KEY, List.of(ROLE)));
        assertThat(second.values("AWS:PrincipalArn")).containsExactly(ROLE);
        assertThatThrownBy(() -> second.context().put("k", List.of())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anotherPrincipalsOrAChangeableContextIsCopied() {
        Request other = Request.of("arn:aws:iam::111122223333:role/b", "iam:CreateUser", "*");
        Request mine = new Request(ROLE, "iam:CreateUser", "*", other.context());
        // The other principal's aws:PrincipalArn is kept (the caller set it), but in a copy of its own.
        assertThat(mine.context()).isNotSameAs(other.context()).isEqualTo(other.context());

        List<String> values = new ArrayList<>(List.of(ROLE));
        Map<String, List<String>> changeable = new HashMap<>(Map.of(Request.PRINCIPAL_ARN_KEY, values));
        Request copied = new Request(ROLE, "iam:CreateUser", "*", changeable);
        values.add("arn:aws:iam::111122223333:role/later");
        changeable.put("aws:username", List.of("x"));
        assertThat(copied.context()).isEqualTo(Map.of(Request.PRINCIPAL_ARN_KEY, List.of(ROLE)));

        List<String> mutableValue = new ArrayList<>(List.of(ROLE));
        Request fromSingleton = new Request(ROLE, "iam:CreateUser", "*", java.util.Collections.singletonMap(Request.PRINCIPAL_ARN_KEY, mutableValue));
        mutableValue.add("arn:aws:iam::111122223333:role/later");
        assertThat(fromSingleton.values(Request.PRINCIPAL_ARN_KEY)).containsExactly(ROLE);
    }
}

package io.claudebaseline.live;

import io.claudebaseline.aws.AwsOperation;
import io.claudebaseline.aws.AwsOperationException;

/**
 * A change the tool refuses to make, found before any change is made: a same-named SCP it does not own, a target
 * without a free SCP slot, an SCP over the size limit, a missing trail, selectors it cannot merge without loss.
 * It is an {@link AwsOperationException} (operation = the call that was not made) so adapters report it like
 * any AWS failure: one sentence, exit code 1.
 */
public class SafetyCheckException extends AwsOperationException {
    private static final long serialVersionUID = 1L;

    public SafetyCheckException(AwsOperation operation, String resource, Kind kind, String message) {
        super(operation.iamAction(), resource, kind, message, null);
    }
}

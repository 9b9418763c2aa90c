package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Map;
import java.util.Set;

/** Stand-in for workflow-step-api's {@code StepDescriptor}. */
public abstract class StepDescriptor extends Descriptor<Step> {
    public abstract Set<? extends Class<?>> getRequiredContext();

    public abstract String getFunctionName();

    public boolean takesImplicitBlockArgument() {
        return false;
    }

    /** The real default shows a single argument's value when it is short; this stand-in returns null. */
    public String argumentsToString(Map<String, Object> namedArgs) {
        return null;
    }
}

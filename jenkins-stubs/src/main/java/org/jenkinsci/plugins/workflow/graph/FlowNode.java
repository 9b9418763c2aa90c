package org.jenkinsci.plugins.workflow.graph;

import hudson.model.Actionable;

/** Stand-in for workflow-api's {@code FlowNode}: one node of the Pipeline graph; carries actions such as warnings. */
public abstract class FlowNode extends Actionable implements hudson.model.Saveable {
}

package org.jenkinsci.plugins.workflow.actions;

/** Stand-in for workflow-api's {@code PersistentAction} (a supertype the real types have; no members used). */
public interface PersistentAction extends hudson.model.Action {
}

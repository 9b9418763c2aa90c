package io.claudebaseline.eval;

/**
 * A policy document to evaluate, with the name (and id, when live) that a decision cites.
 *
 * @param name    SCP name
 * @param id      SCP id in Organizations ({@code p-…}), or null for a rendered, not-yet-created SCP
 * @param content the policy document JSON
 */
public record NamedPolicy(String name, String id, String content) {}

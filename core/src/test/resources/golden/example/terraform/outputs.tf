output "policy_ids" {
  description = "Id of each baseline SCP, by policy name."
  value       = { for name, policy in aws_organizations_policy.baseline : name => policy.id }
}

output "protected_workspaces" {
  description = "The workspaces the SCPs protect: ARN as denied, and the description from the config."
  value       = local.protected_workspaces
}

output "advanced_event_selectors" {
  description = "The advanced event selectors the baseline needs on trail org-trail (merge them with the trail's own)."
  value       = local.claude_advanced_event_selectors
}

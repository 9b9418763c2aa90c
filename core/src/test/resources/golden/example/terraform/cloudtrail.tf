# CloudTrail advanced event selectors for Claude Platform data events on trail "org-trail"
# (home region us-east-1). CloudTrail replaces a trail's whole selector set on every write, so
# these are the selectors the baseline needs, to be merged with any others the trail already has.

locals {
  claude_advanced_event_selectors = [
    {
      name = "claude-baseline: Claude Platform workspace data events"
      field_selectors = [
        { field = "eventCategory", equals = ["Data"] },
        { field = "resources.type", equals = ["AWS::AWSExternalAnthropic::Workspace"] },
      ]
    },
    {
      name = "claude-baseline: management events"
      field_selectors = [
        { field = "eventCategory", equals = ["Management"] },
      ]
    },
  ]
}

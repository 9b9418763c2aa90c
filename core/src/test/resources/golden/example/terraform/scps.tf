# Service control policies of the Claude Platform on AWS baseline. Each content string is the exact
# minified policy document AWS stores and counts against the SCP size limit: do not reformat it.

locals {
  scp_tags = { "owner" = "platform-security", "cost-center" = "4711", "managed-by" = "claude-baseline" }

  scps = {
    "claude-baseline-1" = {
      description = "Claude Platform on AWS baseline (claude-baseline): protect-workspaces, deny-long-term-key-creation, deny-shadow-users, deny-long-term-key-use"
      content     = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyUnauthorizedAccessToWorkspace01AbCdEf23GhIj\",\"Effect\":\"Deny\",\"Action\":[\"aws-external-anthropic:*\"],\"Resource\":[\"arn:aws:aws-external-anthropic:us-east-1:111122223333:workspace/wrkspc_01AbCdEf23GhIj\"],\"Condition\":{\"ArnNotLike\":{\"aws:PrincipalArn\":[\"arn:aws:iam::111122223333:role/claude-prod-deployer\",\"arn:aws:iam::111122223333:role/claude-prod-app\",\"arn:aws:iam::*:role/BreakGlassAdmin\"]}}},{\"Sid\":\"DenyUnauthorizedAccessToWorkspace09ZyXwVu87TsRq\",\"Effect\":\"Deny\",\"Action\":[\"aws-external-anthropic:*\"],\"Resource\":[\"arn:aws:aws-external-anthropic:eu-west-1:111122223333:workspace/wrkspc_09ZyXwVu87TsRq\"],\"Condition\":{\"ArnNotLike\":{\"aws:PrincipalArn\":[\"arn:aws:iam::111122223333:role/claude-research-*\",\"arn:aws:iam::*:role/BreakGlassAdmin\"]}}},{\"Sid\":\"DenyServiceSpecificCredential\",\"Effect\":\"Deny\",\"Action\":[\"iam:CreateServiceSpecificCredential\",\"iam:ResetServiceSpecificCredential\",\"iam:UpdateServiceSpecificCredential\"],\"Resource\":[\"*\"],\"Condition\":{\"StringEquals\":{\"iam:ServiceSpecificCredentialServiceName\":\"aws-external-anthropic.amazonaws.com\"},\"ArnNotLike\":{\"aws:PrincipalArn\":[\"arn:aws:iam::*:role/BreakGlassAdmin\"]}}},{\"Sid\":\"DenyShadowIamUserCreation\",\"Effect\":\"Deny\",\"Action\":[\"iam:CreateUser\"],\"Resource\":[\"arn:aws:iam::*:user/AeaApiKey-*\",\"arn:aws:iam::*:user/*/AeaApiKey-*\"],\"Condition\":{\"ArnNotLike\":{\"aws:PrincipalArn\":[\"arn:aws:iam::*:role/BreakGlassAdmin\"]}}},{\"Sid\":\"DenyWhenLongTermBearerTokenUsed\",\"Effect\":\"Deny\",\"Action\":[\"aws-external-anthropic:CallWithBearerToken\"],\"Resource\":[\"*\"],\"Condition\":{\"StringEquals\":{\"aws-external-anthropic:BearerTokenType\":\"LONG_TERM\"},\"ArnNotLike\":{\"aws:PrincipalArn\":[\"arn:aws:iam::*:role/BreakGlassAdmin\"]}}}]}"
    }
  }

  protected_workspaces = {
    "wrkspc_01AbCdEf23GhIj" = { arn = "arn:aws:aws-external-anthropic:us-east-1:111122223333:workspace/wrkspc_01AbCdEf23GhIj", description = "Production assistant (customer-facing)" }
    "wrkspc_09ZyXwVu87TsRq" = { arn = "arn:aws:aws-external-anthropic:eu-west-1:111122223333:workspace/wrkspc_09ZyXwVu87TsRq", description = "Internal research" }
  }

  scp_attachments = {
    for pair in setproduct(keys(local.scps), var.target_ids) : "${pair[0]}/${pair[1]}" => {
      policy_name = pair[0]
      target_id   = pair[1]
    }
  }
}

resource "aws_organizations_policy" "baseline" {
  for_each = local.scps

  name         = each.key
  description  = each.value.description
  type         = "SERVICE_CONTROL_POLICY"
  content      = each.value.content
  skip_destroy = var.skip_destroy
  tags         = local.scp_tags
}

resource "aws_organizations_policy_attachment" "baseline" {
  for_each = local.scp_attachments

  policy_id    = aws_organizations_policy.baseline[each.value.policy_name].id
  target_id    = each.value.target_id
  skip_destroy = var.skip_destroy
}

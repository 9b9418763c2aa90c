# Rendered by claude-baseline from claude-baseline.yaml. Do not edit: change the config and render again.
# This is a module: configure the aws provider in the calling configuration (Organizations calls go to the
# management account; the trail's selectors must be written in its home region).

terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

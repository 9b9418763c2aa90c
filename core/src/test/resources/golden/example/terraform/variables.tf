variable "skip_destroy" {
  description = "Keep the baseline's SCPs and attachments in AWS when they are removed from this module."
  type        = bool
  default     = false
}

variable "target_ids" {
  description = "Roots (r-...), OUs (ou-...) and accounts (12 digits) every baseline SCP is attached to."
  type        = list(string)
  default     = ["ou-ab12-11111111", "444455556666"]
}

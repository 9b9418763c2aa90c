#!/usr/bin/env bash
# Provisions what core's tests need on a build agent that lacks it (ci.jenkins.io's buildPlugin agents): a Python
# virtual environment with moto 5.2.1 from PyPI, and tools/hcl's npm packages. Run by the root pom's
# `provision-test-tools` profile (environment CLAUDE_BASELINE_PROVISION_TOOLS=true, Unix only). Never fails the build:
# whatever cannot be provisioned is reported here, and the tests then fail naming the tool, or skip when
# CLAUDE_BASELINE_MISSING_TOOLS=skip asks for it. This project's own CI (.ci/run) does not use this script: there the
# tools must already be installed.
set -u
cd "$(dirname "$0")/.."
venv=target/test-tools/moto-venv

if python3 -c 'import moto, flask, werkzeug' 2>/dev/null; then
  echo "provision-test-tools: python3 already has moto"
elif [ -x "$venv/bin/python3" ] && "$venv/bin/python3" -c 'import moto' 2>/dev/null; then
  echo "provision-test-tools: $venv already has moto"
elif command -v python3 >/dev/null; then
  echo "provision-test-tools: creating $venv with moto[server]==5.2.1 from PyPI"
  python3 -m venv "$venv" && "$venv/bin/python3" -m pip install -q 'moto[server]==5.2.1' \
    || echo "provision-test-tools: could not install moto into $venv (no network to PyPI, or no venv module)"
else
  echo "provision-test-tools: python3 not found; the moto-backed tests cannot run on this agent"
fi

if [ -d tools/hcl/node_modules/@cdktf/hcl2json ]; then
  echo "provision-test-tools: tools/hcl/node_modules present"
elif command -v npm >/dev/null; then
  echo "provision-test-tools: npm ci --prefix tools/hcl"
  npm ci --prefix tools/hcl --no-audit --no-fund || echo "provision-test-tools: npm ci --prefix tools/hcl failed"
else
  echo "provision-test-tools: npm not found; the Terraform (HCL) checks cannot run on this agent"
fi
exit 0

#!/usr/bin/env bash
# The main job, end to end: start the DigitalOcean API emulator, run
# `pulumi up` on examples/yaml with a local file backend, show the outputs,
# run `pulumi up` again to show that it has nothing to change, then destroy.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
# The test of this demo runs it on binaries and in a folder of its own.
bin="${DEMO_BIN:-$root/bin}"
work="${DEMO_WORK:-$root/.work/demo}"
export PATH="$bin:$root/.tools/bin:$PATH"

rm -rf "$work"
mkdir -p "$work/backend" "$work/home"

export PULUMI_BACKEND_URL="file://$work/backend"
export PULUMI_HOME="$work/home"
export PULUMI_CONFIG_PASSPHRASE="demo"
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export DIGITALOCEAN_TOKEN="demo-token"

step() { printf '\n==> %s\n' "$*"; }

step "starting the DigitalOcean API emulator (imports take 4 seconds)"
do-emulator -addr 127.0.0.1:0 -token "$DIGITALOCEAN_TOKEN" -import-duration 4s \
  -url-file "$work/emulator.url" 2>"$work/emulator.log" &
emulator_pid=$!
trap 'kill $emulator_pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  [ -s "$work/emulator.url" ] && break
  sleep 0.1
done
endpoint=$(cat "$work/emulator.url")
echo "emulator at $endpoint"

# The example is copied so that the demo leaves no stack files behind, and
# the copy is pointed at the provider just built.
cp -r "$root/examples/yaml" "$work/program"
cd "$work/program"
cat >>Pulumi.yaml <<YAML

plugins:
  providers:
    - name: digitalocean-custom-image
      path: $bin
YAML
pulumi stack init demo --non-interactive >/dev/null
pulumi config set digitalocean-custom-image:apiEndpoint "$endpoint"

step "pulumi up: import the Flatcar image and wait until it is available"
pulumi up --yes --non-interactive --skip-preview

step "outputs"
pulumi stack output
image_id=$(pulumi stack output imageId)
status=$(pulumi stack output status)

step "pulumi up again: nothing to change"
# --expect-no-changes makes the run fail if the plan is not empty.
pulumi up --yes --non-interactive --skip-preview --expect-no-changes

step "pulumi destroy"
pulumi destroy --yes --non-interactive --skip-preview

left=$(curl -fsS "$endpoint/_emulator/images" |
  python3 -c 'import json, sys; print(len(json.load(sys.stdin)["images"]))')
echo
echo "demo: image $image_id imported ($status), a second up changed nothing," \
  "destroyed; images left on the emulator: $left"

#!/usr/bin/env bash
# Builds the Pulumi CLI and the Pulumi YAML language host into .tools/bin,
# once. Release downloads are out of reach here, so both come from the Go
# module proxy; later runs reuse what is already built.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.tools"
bin="$tools/bin"
pulumi_version=v3.277.0
yaml_version=v1.25.0
mkdir -p "$bin"

built_version() {
  "$bin/pulumi" version 2>/dev/null || true
}

if [ "$(built_version)" != "$pulumi_version" ]; then
  echo "tools: building the Pulumi CLI $pulumi_version (the first build takes several minutes)"
  # pkg/v3 has replace directives, so `go install pkg@version` is refused;
  # a throwaway module that requires it builds the same binary.
  mod="$tools/pulumi-cli-module"
  mkdir -p "$mod"
  cat >"$mod/go.mod" <<MOD
module pulumicli

go 1.26.6

require (
	github.com/pulumi/pulumi/pkg/v3 $pulumi_version
	github.com/pulumi/pulumi/sdk/v3 $pulumi_version
)
MOD
  cat >"$mod/tools.go" <<'SRC'
//go:build tools

package pulumicli

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
SRC
  (
    cd "$mod"
    go mod tidy >/dev/null 2>&1 || go mod download
    go build -o "$bin/pulumi" \
      -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$pulumi_version" \
      github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
  )
  echo "tools: pulumi $(built_version) ready"
else
  echo "tools: pulumi $pulumi_version already built"
fi

if [ ! -x "$bin/pulumi-language-yaml" ] || [ "$(cat "$tools/yaml.version" 2>/dev/null)" != "$yaml_version" ]; then
  echo "tools: building the Pulumi YAML language host $yaml_version (1 to 2 minutes)"
  GOBIN="$bin" go install "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@$yaml_version"
  echo "$yaml_version" >"$tools/yaml.version"
  echo "tools: pulumi-language-yaml ready"
else
  echo "tools: pulumi-language-yaml $yaml_version already built"
fi

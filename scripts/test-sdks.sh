#!/usr/bin/env bash
# Tests the generated Python and Go SDKs: they match a fresh generation from the schema, the Go
# module vets and builds against the pinned Pulumi Go SDK, the Python wheel builds, and both
# pass their tests in Pulumi's mock mode (pytest; go test), the feed-deployment examples of both
# languages included. The Go quick start vets too.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
step() { echo "[test-sdks] $*" >&2; }

step "the committed SDKs match the schema"
bash "$repo/scripts/gen-sdk.sh" --check

venv="$(bash "$repo/scripts/sdk-toolchains.sh" | tail -n1)"

step "Go: go vet and go build of sdk/go"
(cd "$repo/sdk" && go vet ./... && go build ./...)

step "Go: go test in mock mode (tests/sdk/go, examples/go-feed-deployment); go vet of examples/go-quickstart"
(cd "$repo/tests/sdk/go" && go vet ./... && go test -count=1 ./...)
(cd "$repo/examples/go-feed-deployment" && go vet ./... && go test -count=1 ./...)
(cd "$repo/examples/go-quickstart" && go vet ./...)

step "Python: build and install the wheel"
wheel="$(bash "$repo/scripts/python-sdk-wheel.sh" "$venv" | tail -n1)"
step "built $(basename "$wheel")"

step "Python: pytest in mock mode (tests/sdk/python)"
cd "$repo/tests/sdk/python"
"$venv/bin/python" -B -m pytest -p no:cacheprovider -q .

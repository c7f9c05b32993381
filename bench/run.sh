#!/usr/bin/env bash
# Builds the benchmark (and with it the host) in Release, then runs it. Extra arguments go to the
# benchmark, e.g. `bench/run.sh --tenants 10 --starts 1 --wrk-seconds 3` for a quick check.
# Figures print to stdout; a missed target prints MISS but does not fail the script.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"

dotnet build "$here/OrchardSpbe.Bench/OrchardSpbe.Bench.csproj" -c Release --nologo -v quiet -clp:ErrorsOnly
# The host runs as deployed (README, Deployment): published for the machine's runtime, compiled ahead of time (ReadyToRun).
rid="linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"
dotnet publish "$repo/src/OrchardSpbe.Web/OrchardSpbe.Web.csproj" -c Release -r "$rid" --self-contained false \
  -o "$here/host" --nologo -v quiet -clp:ErrorsOnly

exec dotnet "$here/OrchardSpbe.Bench/bin/Release/net10.0/OrchardSpbe.Bench.dll" \
  --out "$here/out" \
  --host-dll "$here/host/OrchardSpbe.Web.dll" \
  "$@"

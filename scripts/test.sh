#!/usr/bin/env bash
# Runs every test: installs and builds (setup.sh), then unit tests and the integration tests that
# start their own berthd (mvn verify). Skip the integration tests with SKIP_ITS=1 (or skipITs=true)
# in the environment, or pass -DskipITs; extra arguments go to Maven.
# Run as root: sudo scripts/test.sh
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64

"$ROOT/scripts/setup.sh"

args=(-B verify)
if [[ ${SKIP_ITS:-0} == 1 || ${skipITs:-false} == true ]]; then args+=(-DskipITs=true); fi
cd "$ROOT"
exec mvn "${args[@]}" "$@"

#!/usr/bin/env bash
# PostGIS as a second oracle (issue 16): installs PostgreSQL 15 + PostGIS 3 (Debian postgresql-15-postgis-3) when
# missing, then Tools/oracle/postgis_oracle.py starts a cluster of its own in a temporary folder, compares
# `borderkit` with PostGIS on 600 seeded generated cases and on the Natural Earth world (when ../shared is there),
# and stops the cluster. Skipped with a message where PostGIS cannot be installed (no root, no sudo).
# Usage: Tools/oracle/run.sh [BORDERKIT] (default: the debug build)
set -euo pipefail
cd "$(dirname "$0")/../.."
borderkit=${1:-.build/debug/borderkit}
if ! dpkg-query -W -f='${Status}' postgresql-15-postgis-3 2>/dev/null | grep -q "install ok installed"; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if sudo -n true 2>/dev/null; then sudo="sudo"; else
            echo "postgis-oracle: skipped: PostgreSQL + PostGIS are not installed and this user cannot install them (needs root or sudo)"
            exit 0
        fi
    fi
    echo "setup: installing postgresql-15-postgis-3" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql-15-postgis-3 >/dev/null
fi
world=../shared/data/naturalearth/ne_10m_admin_0_countries_deu_v5.1.1.geojson
[ -f "$world" ] || { echo "postgis-oracle: ../shared is absent: the world-file comparison is skipped"; world=""; }
exec python3 Tools/oracle/postgis_oracle.py "$borderkit" $world

#!/usr/bin/env bash
# Installs the Debian packages Loopscope needs to build, run and test. Idempotent: packages
# already present are skipped, and nothing is done when all are there. Works as root, or through
# sudo when not root. Usage: scripts/install-deps.sh [--with-peers]
#   --with-peers  also the benchmark peers and fuzzing tools (uvloop, aiohttp, clang runtime, curl)
set -euo pipefail

packages=(
  cmake g++ make git pkg-config
  libimgui-dev libglfw3-dev python3-glad nlohmann-json3-dev libmd4c-dev libfontconfig-dev
  libhttp-parser-dev libstb-dev libgtest-dev libgl-dev libgl1-mesa-dri
  xvfb xauth xdotool xclip fonts-inter fonts-jetbrains-mono fonts-wqy-microhei fonts-symbola python3 python3-aiohttp python3-jsonschema curl
)
if [[ "${1:-}" == "--with-peers" ]]; then
  packages+=(python3-uvloop nodejs clang libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#packages[@]} Debian packages are already installed."
  exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "install-deps: missing packages (${missing[*]}) and not root, and sudo is not available." >&2
  exit 1
fi

echo "install-deps: installing ${#missing[@]} missing Debian packages: ${missing[*]}"
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: done."

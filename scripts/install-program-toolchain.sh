#!/usr/bin/env bash
# Installs what scripts/build-program.ts needs to build the on-chain program: Debian's rustc-web 1.96 (it links
# LLVM 22), cargo-web, rust-web-src (core's sources and their vendored dependencies, for -Z build-std=core) and
# clang-22 (compiles the staticlib's LLVM 22 bitcode for BPF). Idempotent: does nothing when they are present.
# rustc-web conflicts with Debian's plain rustc/cargo/rust-src (1.63): apt replaces those.
set -euo pipefail

RUST_RELEASE=1.96
PACKAGES=(rustc-web cargo-web rust-web-src clang-22)

rust_release() { /usr/bin/rustc -vV 2>/dev/null | sed -n 's/^release: //p'; }

have_tools() {
  [ -x /usr/bin/rustc ] && [ -x /usr/bin/cargo ] && command -v clang-22 >/dev/null 2>&1 \
    && [ -d /usr/lib/rustlib/src/rust/library/core ] \
    && [ -d "/usr/src/rustc-$(rust_release)/library/vendor" ]
}

if have_tools && [[ "$(rust_release)" == "$RUST_RELEASE".* ]]; then
  echo "Program toolchain present: rustc $(rust_release), $(clang-22 --version | head -1)."
  exit 0
fi

command="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${PACKAGES[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "The program toolchain is missing. As root, run:"
  echo "  $command"
  exit 1
fi

apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${PACKAGES[@]}"

if ! have_tools; then
  echo "The program toolchain is still incomplete after installing ${PACKAGES[*]}." >&2
  exit 1
fi
if [[ "$(rust_release)" != "$RUST_RELEASE".* ]]; then
  echo "Installed rustc $(rust_release), not ${RUST_RELEASE}: builds work, but will not match program/dist/toolchain.json;"
  echo "npm run check:program says so. Rebuild with npm run build:program and commit program/dist."
fi
echo "Program toolchain installed: rustc $(rust_release), $(clang-22 --version | head -1)."

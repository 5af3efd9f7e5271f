# Set-up steps shared by bin/oomlab and .ci/run: each checks first and does only what is missing.
# shellcheck shell=bash

oomlab_say() { echo "oomlab: $*" >&2; }

oomlab_is_root_debian() { [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ]; }

oomlab_apt_updated=""
oomlab_apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! oomlab_is_root_debian; then
    oomlab_say "missing Debian packages: ${missing[*]} (install them as root: apt-get install ${missing[*]})"
    return 1
  fi
  oomlab_say "installing ${missing[*]} from Debian"
  if [ -z "$oomlab_apt_updated" ]; then
    apt-get update -qq >/dev/null
    oomlab_apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# The JDK, Maven and a static C library for the probe (gcc -static).
oomlab_ensure_toolchain() {
  command -v javac >/dev/null && command -v mvn >/dev/null || oomlab_apt_install default-jdk-headless maven
  command -v gcc >/dev/null || oomlab_apt_install gcc
  oomlab_apt_install libc6-dev
}

oomlab_docker_up() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

# A reachable Docker engine: where none runs and we are root on Debian, install docker.io and
# start dockerd in the background (no systemd on these machines), then wait for its socket.
oomlab_ensure_docker() {
  oomlab_docker_up && return 0
  if ! oomlab_is_root_debian; then
    oomlab_say "no Docker engine answers: start dockerd (or Docker Desktop), or set DOCKER_HOST to a running engine"
    return 1
  fi
  command -v dockerd >/dev/null || oomlab_apt_install docker.io
  local log=/var/log/oomlab-dockerd.log
  oomlab_say "starting dockerd in the background (log: $log)"
  nohup dockerd >"$log" 2>&1 </dev/null &
  for _ in $(seq 1 120); do
    oomlab_docker_up && { oomlab_say "dockerd is up: Docker $(docker version --format '{{.Server.Version}}')"; return 0; }
    sleep 0.5
  done
  oomlab_say "dockerd did not answer within 60 s; see $log"
  tail -n 20 "$log" >&2
  return 1
}

# Jupyter from Debian (PyPI is not reachable here): nbconvert executes the notebooks.
oomlab_ensure_jupyter() {
  oomlab_apt_install jupyter-nbconvert jupyter-notebook jupyter-client python3-nbclient
}

# What only the tests need: the kernel conformance suite, the Python kernel the benchmark compares
# against, and Chromium with a font for the seed's Korean titles for the browser test.
oomlab_ensure_test_tools() {
  oomlab_ensure_jupyter
  oomlab_apt_install python3-jupyter-kernel-test python3-ipykernel python3-venv chromium fonts-nanum
  # any node with npm will do (a NodeSource node bundles npm and conflicts with Debian's npm package)
  command -v node >/dev/null && command -v npm >/dev/null || oomlab_apt_install nodejs npm
  oomlab_ensure_jupyterlab
  oomlab_ensure_playwright
}

# Pinned, so every clone and CI run tests the same JupyterLab and Playwright; a new pin makes a new cache.
OOMLAB_JUPYTERLAB_VERSION=4.6.6
OOMLAB_PLAYWRIGHT_VERSION=1.65.2
OOMLAB_CACHE="${OOMLAB_CACHE:-/var/cache/oomlab}"
export OOMLAB_JUPYTERLAB_VENV="$OOMLAB_CACHE/jupyterlab-venv-$OOMLAB_JUPYTERLAB_VERSION"
export OOMLAB_PLAYWRIGHT_DIR="$OOMLAB_CACHE/playwright-core-$OOMLAB_PLAYWRIGHT_VERSION"

# Installs what the tests need into DIR in the cache, outside the clone, so a fresh clone reuses it:
# `oomlab_cached_install NAME DIR WHAT COMMAND...` runs COMMAND (which fills DIR) once. DIR is made
# in place, since a venv cannot be moved (its scripts name its path), and a marker written last says
# it is complete; one installer of NAME at a time (a lock), and a failed install leaves nothing.
oomlab_cached_install() {
  local name="$1" dir="$2" what="$3"
  shift 3
  [ -f "$dir/.oomlab-complete" ] && return 0
  mkdir -p "$OOMLAB_CACHE"
  (
    flock 9
    [ -f "$dir/.oomlab-complete" ] && exit 0
    oomlab_say "installing $what into $dir"
    rm -rf "$dir" && mkdir -p "$dir" &&
      "$@" >&2 && touch "$dir/.oomlab-complete" ||
      { rm -rf "$dir"; oomlab_say "could not install $what"; exit 1; }
  ) 9>"$OOMLAB_CACHE/.$name.lock"
}

# JupyterLab is not in Debian: pip installs it into a venv.
oomlab_ensure_jupyterlab() {
  local venv="$OOMLAB_JUPYTERLAB_VENV"
  oomlab_cached_install jupyterlab "$venv" "JupyterLab $OOMLAB_JUPYTERLAB_VERSION from PyPI" \
    oomlab_pip_venv "$venv" "jupyterlab==$OOMLAB_JUPYTERLAB_VERSION"
}

oomlab_pip_venv() { /usr/bin/python3 -m venv "$1" && "$1/bin/pip" install -q --disable-pip-version-check "$2"; }

# playwright-core (no browsers: the test drives Debian's /usr/bin/chromium) from npm.
oomlab_ensure_playwright() {
  local dir="$OOMLAB_PLAYWRIGHT_DIR"
  oomlab_cached_install playwright "$dir" "playwright-core $OOMLAB_PLAYWRIGHT_VERSION from npm" \
    npm install --silent --no-audit --no-fund --prefix "$dir" "playwright-core@$OOMLAB_PLAYWRIGHT_VERSION"
}

oomlab_build_is_fresh() {
  local jar="$OOMLAB_ROOT/kernel/target/oomlab.jar"
  [ -f "$jar" ] && [ -z "$(find "$OOMLAB_ROOT/pom.xml" "$OOMLAB_ROOT/dsl/pom.xml" "$OOMLAB_ROOT/kernel/pom.xml" \
        "$OOMLAB_ROOT/dsl/src/main" "$OOMLAB_ROOT/kernel/src/main" -newer "$jar" -type f -print -quit)" ]
}

# Builds when the jars are missing or older than any source; one build at a time (a lock), so
# two launchers started together do not write the same jars.
oomlab_ensure_build() {
  oomlab_build_is_fresh && return 0
  mkdir -p "$OOMLAB_ROOT/target"
  (
    flock 9
    oomlab_build_is_fresh && exit 0
    oomlab_ensure_toolchain
    oomlab_say "building (mvn package, tests skipped)"
    cd "$OOMLAB_ROOT" && mvn -B -q -DskipTests package >&2
  ) 9>"$OOMLAB_ROOT/target/.build.lock"
}

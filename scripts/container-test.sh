#!/usr/bin/env bash
# Builds docker/Dockerfile with podman and runs the CLI inside the image, on a machine with no Docker
# engine, no container registry and no OCI runtime (podman builds with --isolation=chroot; running a
# container is replaced by chroot into the mounted container file system, as the image's user, with
# the image's environment and entry point). Steps:
#   1. base images from Debian packages (debootstrap), cached in $RECSYS_CONTAINER_CACHE and podman's
#      storage, so a second run only rebuilds what changed;
#   2. the image: BUILD_IMAGE = Debian + JDK 17 + Maven, BASE_IMAGE = the Debian base (as
#      debian:bookworm-slim); Maven's downloads are cached between builds by the Dockerfile's cache mount;
#   3. inside it: generate-sample, ingest, train als, worker --once, then serve on 127.0.0.1 with the
#      volumes bind-mounted, checked over HTTP (/health, /recommend) and by the image's HEALTHCHECK;
#   4. both compose files validated with docker-compose config.
# Prints PASS or FAIL with the step; every step is bounded in time; mounts and processes are cleaned up.
# Needs root (apt-get, debootstrap, mount, chroot).
set -euo pipefail
repo_root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${RECSYS_CONTAINER_CACHE:-/var/cache/recsys-lite/container-test}"
suite=bookworm
debian_image="localhost/recsys-lite-debian:$suite"
jdk_image="localhost/recsys-lite-base:$suite-jdk17-maven"
image="localhost/recsys-lite:container-test"
build_image="localhost/recsys-lite-build:container-test"
step="setup"
started=$SECONDS

work="" container="" root="" server_pid="" mounted=()
cleanup() {
  local rc=$?
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" || true; done
  if [ -n "$container" ]; then
    podman umount "$container" >/dev/null 2>&1 || true
    podman rm -f "$container" >/dev/null 2>&1 || true
  fi
  [ -n "$work" ] && rm -rf "$work"
  if [ $rc -eq 0 ]; then
    echo "container-test: PASS ($((SECONDS - started)) s)"
  else
    echo "container-test: FAIL at step '$step' (exit $rc, $((SECONDS - started)) s)" >&2
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { echo "container-test: $*"; }
fail() { echo "container-test: $*" >&2; exit 1; }
timed() { local t0=$SECONDS; "$@"; say "  ($((SECONDS - t0)) s)"; }

[ "$(id -u)" -eq 0 ] || fail "needs root (apt-get, debootstrap, mount, chroot)"

# One run at a time on this machine: the runs share the cache, the image tags and podman's storage.
mkdir -p "$cache"
exec 9>"$cache/.lock"
flock -w 1800 9 || fail "another container test still holds $cache/.lock after 30 min"

step="tools"
tools=(podman debootstrap docker-compose curl python3)
missing=()
for p in "${tools[@]}"; do command -v "$p" >/dev/null || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  timeout 600 apt-get update -qq
  timeout 600 apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

podman_build() { timeout 1800 podman build --isolation=chroot --format docker "$@"; }

# A Debian root file system as podman's base image, trimmed as Debian's "slim" images are.
make_debian_image() {
  local tarball="$cache/debian-$suite-minbase.tar"
  if [ ! -f "$tarball" ]; then
    say "debootstrap $suite into $cache (once)"
    mkdir -p "$cache"
    local rootfs="$cache/rootfs.partial"
    rm -rf "$rootfs"
    timeout 900 debootstrap --variant=minbase "$suite" "$rootfs" http://deb.debian.org/debian >"$cache/debootstrap.log"
    # As Debian's official images: no documentation, no downloaded packages kept.
    printf '%s\n' 'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/*.bin || true"; };' \
      'Dir::Cache::pkgcache ""; Dir::Cache::srcpkgcache "";' >"$rootfs/etc/apt/apt.conf.d/docker-clean"
    printf '%s\n' 'path-exclude /usr/share/doc/*' 'path-exclude /usr/share/man/*' \
      'path-exclude /usr/share/info/*' 'path-exclude /usr/share/locale/*' >"$rootfs/etc/dpkg/dpkg.cfg.d/slim"
    rm -rf "$rootfs"/usr/share/{doc,man,info,locale}/* "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    mkdir -p "$rootfs/usr/share/man/man1" # openjdk's postinst needs it
    tar -C "$rootfs" -cf "$tarball.partial" . && mv "$tarball.partial" "$tarball"
    rm -rf "$rootfs"
  fi
  podman import -q "$tarball" "$debian_image" >/dev/null
}

# Debian + JDK 17 + Maven, like the public maven image the Dockerfile's build stage defaults to.
make_jdk_image() {
  podman_build -q -t "$jdk_image" -f - "$cache" <<EOF >/dev/null
FROM $debian_image
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven \
 && rm -rf /var/lib/apt/lists/*
EOF
}

step="base images"
if ! podman image exists "$debian_image" || ! podman image exists "$jdk_image"; then
  say "making base images (once per machine)"
  podman image exists "$debian_image" || timed make_debian_image
  timed make_jdk_image
fi

step="image build"
say "podman build docker/Dockerfile"
t0=$SECONDS
build_log="$cache/image-build.log"
# The build stage gets a tag of its own so that pruning the previous run's images keeps its cached
# layers (the compiler packages); the host's Java trust store is mounted for a network that re-signs
# TLS (Maven's downloads).
build_target() {
  podman_build --volume /etc/ssl/certs/java/cacerts:/etc/ssl/certs/java/cacerts:ro \
    --build-arg BUILD_IMAGE="$jdk_image" --build-arg BASE_IMAGE="$debian_image" \
    -f "$repo_root/docker/Dockerfile" --target "$1" -t "$2" "$repo_root" >>"$build_log" 2>&1 \
    || { tail -40 "$build_log" >&2; fail "podman build failed (log: $build_log)"; }
}
: >"$build_log"
build_target build "$build_image"
build_target runtime "$image"
podman image prune -f >/dev/null
build_seconds=$((SECONDS - t0))
image_bytes="$(podman image inspect --format '{{.Size}}' "$image")"
say "  image built in $build_seconds s, $((image_bytes / 1000000)) MB"
# the goal for store + classic algorithms + Faiss (the image's default modules)
[ "$image_bytes" -le 400000000 ] || fail "the image is $((image_bytes / 1000000)) MB, over the 400 MB goal"

# The image's own settings, as a container engine would apply them.
inspect() { podman image inspect --format "$1" "$image"; }
user="$(inspect '{{.Config.User}}')"
[ -n "$user" ] && [ "$user" != root ] || fail "the image runs as root"
workdir="$(inspect '{{.Config.WorkingDir}}')"
mapfile -t image_env < <(inspect '{{range .Config.Env}}{{println .}}{{end}}' | sed '/^$/d')
mapfile -t entrypoint < <(inspect '{{range .Config.Entrypoint}}{{println .}}{{end}}' | sed '/^$/d')
healthcheck="$(inspect '{{if .Config.Healthcheck}}{{index .Config.Healthcheck.Test 1}}{{end}}')"
[ -n "$healthcheck" ] || fail "the image has no HEALTHCHECK"

step="mount"
work="$(mktemp -d "$cache/run.XXXXXX")" # not in /tmp, where other jobs clean up by name
container="$(podman create "$image")"
root="$(podman mount "$container")"
uid="$(chroot "$root" id -u "$user")"
gid="$(chroot "$root" id -g "$user")"
home="$(chroot "$root" getent passwd "$user" | cut -d: -f6)"
bind() { mount --bind "$1" "$root$2"; mounted+=("$root$2"); }
mkdir -p "$work"/{data,model_artifacts,logs}
chown "$uid:$gid" "$work"/{data,model_artifacts,logs}
mount -t proc proc "$root/proc"; mounted+=("$root/proc")
bind /dev /dev
bind "$work/data" /data
bind "$work/model_artifacts" /app/model_artifacts
bind "$work/logs" /var/log/recsys-lite

# Runs a command in the image: its user, working directory and environment.
in_image() {
  timeout "${RUN_TIMEOUT:-300}" chroot --userspec="$uid:$gid" "$root" \
    /usr/bin/env -i -C "$workdir" HOME="$home" "${image_env[@]}" "$@"
}
cli() { in_image "${entrypoint[@]}" "$@"; }

step="generate-sample"; say "$step"; timed cli generate-sample --out /data/sample --events 20000
step="ingest"; say "$step (DB_PATH from the image's environment)"
timed cli ingest --events /data/sample/events.parquet --items /data/sample/items.csv
step="train als"; say "$step (into model_artifacts/als by default)"; timed cli train als
[ -f "$work/model_artifacts/als/model.json" ] || fail "train wrote no model to the model_artifacts volume"
step="worker --once"; say "$step"; timed cli worker --once --incoming /data/incremental

step="serve"
say "serve on 127.0.0.1 with the Faiss index"
in_image "${entrypoint[@]}" serve --host 127.0.0.1 --port 0 --index faiss-ivf-flat >"$work/server.log" 2>&1 &
server_pid=$!
api=""
for _ in $(seq 1 600); do
  api="$(sed -n 's|^Serving on \(http://[^/]*\)/.*|\1|p' "$work/server.log")"
  [ -n "$api" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; fail "serve exited"; }
  sleep 0.2
done
[ -n "$api" ] || { cat "$work/server.log" >&2; fail "serve did not start in 120 s"; }

step="GET /health"
health="$(curl -fsS --max-time 10 "$api/health")"
say "  $health"
python3 -c 'import json,sys; h=json.loads(sys.argv[1]); assert h["status"]=="ok" and h["model_type"]=="als", h' "$health"
step="GET /recommend"
recs="$(curl -fsS --max-time 10 "$api/recommend?user_id=user_1&k=5&use_faiss=true")"
python3 -c '
import json, sys
r = json.loads(sys.argv[1])
assert r["user_id"] == "user_1" and r["personalized"] is True and len(r["recommendations"]) == 5, r
assert all(x["item_id"].startswith("item_") for x in r["recommendations"]), r' "$recs"
say "  /recommend: 5 personalized items for user_1"

step="HEALTHCHECK"
# The image's health check runs against the default port; run it against this server's port.
port="${api##*:}"
RUN_TIMEOUT=20 in_image /bin/sh -c "${healthcheck//8000/$port}" >/dev/null
say "  the image's HEALTHCHECK passes"

kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
grep -q ' ERROR \| WARN .*Exception' "$work/server.log" && { cat "$work/server.log" >&2; fail "serve logged an error"; }

step="compose config"
for f in docker/docker-compose.yml docker/docker-compose.test.yml; do
  (cd "$repo_root" && timeout 60 docker-compose -f "$f" config -q) || fail "$f does not validate"
  say "  $f validates"
done
step="done"
say "image $image: $((image_bytes / 1000000)) MB, built in $build_seconds s"

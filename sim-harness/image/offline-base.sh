#!/usr/bin/env bash
# Makes a container base image from this machine's JDK, for building the harness image (Maven profile 'image')
# where no container registry can be reached: a jlink'ed Java runtime in /opt/java plus the shared libraries,
# font configuration and fonts it loads, in one layer, written as a 'docker save' archive that Jib reads with
# -Dimage.base=tar://<absolute path>. Needs a JDK 17+ (jlink), ldd, tar, sha256sum. Linux only.
#   offline-base.sh [OUT.tar]     default: sim-harness/target/jre-base.tar
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
out="${1:-${script_dir}/../target/jre-base.tar}"
mkdir -p "$(dirname "${out}")"
out="$(cd "$(dirname "${out}")" && pwd -P)/$(basename "${out}")"
work="$(mktemp -d "${TMPDIR:-/tmp}/bftvote-base.XXXXXX")"
trap 'rm -rf "${work}"' EXIT
rootfs="${work}/rootfs"

# The whole Java SE plus what Chronicle Queue (traces) reaches for: jdk.unsupported, jdk.compiler, jdk.management.
jlink --add-modules java.se,jdk.unsupported,jdk.compiler,jdk.management,jdk.zipfs,jdk.crypto.ec \
    --strip-debug --no-header-files --no-man-pages --output "${rootfs}/opt/java"

# Every shared library the runtime links, the dynamic loader, and fontconfig (loaded at run time by AWT for the
# plots' text, so ldd does not list it), each at its own path.
libs() {
    ldd "$@" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\/.*ld-linux/ {print $1}'
}
fontconfig="$(ldconfig -p | awk '/libfontconfig\.so\.1 / {print $NF; exit}')"
mapfile -t objects < <(find "${rootfs}/opt/java" -name '*.so' -o -path '*/bin/*' -type f)
[[ -n "${fontconfig}" ]] && objects+=("${fontconfig}")
for lib in $(libs "${objects[@]}" | sort -u) ${fontconfig}; do
    mkdir -p "${rootfs}$(dirname "${lib}")"
    cp -L "${lib}" "${rootfs}${lib}"
done
for dir in /etc/fonts /usr/share/fonts/truetype/dejavu; do
    if [[ -d "${dir}" ]]; then
        mkdir -p "${rootfs}$(dirname "${dir}")"
        cp -rL "${dir}" "${rootfs}${dir}"
    fi
done
mkdir -p "${rootfs}/tmp" "${rootfs}/work"
chmod 1777 "${rootfs}/tmp"

# One reproducible layer, its config and the archive's manifest.
archive="${work}/archive"
mkdir -p "${archive}/layer"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "${rootfs}" -cf "${archive}/layer/layer.tar" .
diff_id="$(sha256sum "${archive}/layer/layer.tar" | cut -d' ' -f1)"
cat > "${archive}/config.json" <<JSON
{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java"]},"rootfs":{"type":"layers","diff_ids":["sha256:${diff_id}"]},"history":[{"created_by":"sim-harness/image/offline-base.sh"}]}
JSON
cat > "${archive}/manifest.json" <<JSON
[{"Config":"config.json","RepoTags":["bftvote-jre-base:local"],"Layers":["layer/layer.tar"]}]
JSON
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "${archive}" -cf "${out}" \
    manifest.json config.json layer/layer.tar
echo "${out}"

#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Builds this tree against a later Wireshark release and runs its tests
# there (not part of CI: it needs root, debootstrap and Debian's or
# Ubuntu's mirror, and takes minutes):
#   scripts/check-wireshark-release.sh SUITE [CHROOT_DIR]
# SUITE is a suite whose tshark is the release to check: Debian's trixie
# (4.4) or forky (4.6, as of November 2026), or Ubuntu's noble (4.2: no
# Debian suite ships it).  Debian 12 cannot install any SDK but 4.0, so a
# minimal chroot of that suite (CHROOT_DIR, default /srv/SUITE, made once
# and reused) gets tshark, the SDK and the tools the tests use.  The tree
# (its tracked files, with uncommitted changes) is copied into it, built
# with warnings as errors, and `ctest` runs there; ../shared, when it
# exists, is mounted where the tests look for it.
# The chroot also gets the Qt GUI, Xvfb, xdotool, ImageMagick and tesseract,
# for the gui test, as scripts/test.sh installs them; ENTRUST_GUI_TESTS=0 leaves
# them out, and that test then reports a skip.
set -eu
suite=${1:?usage: scripts/check-wireshark-release.sh SUITE [CHROOT_DIR]}
root=${2:-/srv/$suite}
top=$(cd "$(dirname "$0")/.." && pwd)
[ "$(id -u)" = 0 ] || { echo "run as root (debootstrap and chroot)"; exit 1; }
# The tree is copied to CHROOT_DIR/src, which is emptied first: / and the
# top-level folders are refused.
case $(cd "$(dirname "$root")" && pwd)/$(basename "$root") in
//* | /) echo "$root is not a chroot directory"; exit 1 ;;
esac

packages="tshark wireshark-dev libwireshark-dev libpcap-dev cmake gcc make pkg-config time valgrind openssl python3 clang libclang-rt-dev"
# Since trixie (and in Ubuntu) the Qt GUI's package is "wireshark".
[ "${ENTRUST_GUI_TESTS:-1}" != 0 ] && packages="$packages wireshark xvfb xdotool imagemagick tesseract-ocr"
# ubuntu_keyring DIR: Ubuntu's archive keys, from Debian trixie's
# ubuntu-keyring package (Debian 12 has none).  apt checks the package
# against trixie's Release file, signed with the Debian keys this machine
# already trusts; prints the keyring's path.
ubuntu_keyring() {
    dir=$1
    mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial"
    echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main" > "$dir/sources.list"
    set -- -o Dir::Etc::SourceList="$dir/sources.list" -o Dir::Etc::SourceParts=/dev/null \
        -o Dir::State::Lists="$dir/lists" -o Dir::Cache="$dir/cache" -o Dir::State::Status=/dev/null \
        -o APT::Sandbox::User=root
    apt-get "$@" update -qq > /dev/null
    (cd "$dir" && apt-get "$@" download ubuntu-keyring > /dev/null)
    dpkg-deb -x "$dir"/ubuntu-keyring_*.deb "$dir/keyring"
    echo "$dir/keyring/usr/share/keyrings/ubuntu-archive-keyring.gpg"
}

if [ ! -x "$root/usr/bin/apt-get" ]; then
    command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap
    case $suite in
    noble)
        # Ubuntu bootstraps with the gutsy script; tshark is in universe.
        keys=$(mktemp -d)
        debootstrap --variant=minbase --components=main,universe --keyring="$(ubuntu_keyring "$keys")" \
            "$suite" "$root" http://archive.ubuntu.com/ubuntu /usr/share/debootstrap/scripts/gutsy
        rm -rf "$keys"
        ;;
    *)
        # Debian 12's debootstrap predates forky: the suites since trixie
        # all bootstrap like sid.
        script=/usr/share/debootstrap/scripts/$suite
        [ -e "$script" ] || script=/usr/share/debootstrap/scripts/sid
        debootstrap --variant=minbase "$suite" "$root" http://deb.debian.org/debian "$script"
        ;;
    esac
fi

mounted=""
cleanup() {
    for m in $mounted; do umount "$m" || true; done
}
trap cleanup EXIT
trap 'exit 1' INT TERM
for d in proc dev dev/pts; do
    mountpoint -q "$root/$d" || { mount --bind "/$d" "$root/$d"; mounted="$root/$d $mounted"; }
done
# apt in the chroot, not debootstrap --include: only apt resolves the
# virtual packages that the SDK's dependencies name.  A testing suite's
# Release file expires within days; a mirror that lags must still do.
cp /etc/resolv.conf "$root/etc/resolv.conf"
chroot "$root" sh -c "apt-get update -qq -o Acquire::Check-Valid-Until=false &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages > /dev/null"
echo "$(chroot "$root" tshark --version | head -1) in $root"

if [ -d "$top/../shared" ]; then
    mkdir -p "$root/shared"
    mountpoint -q "$root/shared" || { mount --bind "$top/../shared" "$root/shared"; mounted="$root/shared $mounted"; }
fi

rm -rf "$root/src"
mkdir -p "$root/src"
(cd "$top" && git ls-files -z | xargs -0 tar cf -) | tar xf - -C "$root/src"
# shellcheck disable=SC2016 # expanded by the shell in the chroot
chroot "$root" sh -c 'set -e
    cd /src
    cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DENTRUST_WERROR=ON > /dev/null
    if ! cmake --build build -j"$(nproc)" > build.log 2>&1; then cat build.log; exit 1; fi
    ctest --test-dir build -j"$(nproc)" --output-on-failure'

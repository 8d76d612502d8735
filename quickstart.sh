#!/bin/sh
# quickstart.sh — from a fresh Debian 12 machine to every sample built.
# Installs what is missing (as root, with apt-get), configures and builds in
# _build/, then runs the main job on every sample (output under out/).
# Run it again at any time: it installs nothing twice and rebuilds only
# what changed.
set -eu
cd "$(dirname "$0")"

PACKAGES="build-essential autoconf automake libtool pkg-config
  libxml2-dev libxml2-utils libxslt1-dev xsltproc libcairo2-dev libpango1.0-dev
  libhyphen-dev hyphen-en-gb libqpdf-dev qpdf libjpeg-dev zlib1g-dev libzip-dev
  fonts-liberation2 fonts-dejavu-core fonts-noto-core
  poppler-utils jq python3
  docbook-xsl docbook-xsl-ns docbook-xml"

missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "quickstart: these Debian packages are missing:$missing" >&2
        echo "quickstart: run this script as root, or: sudo apt-get install$missing" >&2
        exit 1
    fi
    echo "quickstart: installing$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q --no-install-recommends $missing || {
        apt-get update -q && apt-get install -y -q --no-install-recommends $missing; }
fi

[ -x configure ] && [ configure -nt configure.ac ] && [ configure -nt Makefile.am ] || autoreconf -fi
mkdir -p _build
cd _build
[ -f Makefile ] || ../configure --quiet
make -j"$(nproc)"
make samples

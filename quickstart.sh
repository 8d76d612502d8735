#!/bin/sh
# quickstart.sh — from a fresh Debian 12 machine to every sample built.
# Installs what is missing (as root, with apt-get), configures and builds in
# _build/, then runs the main job on every sample (output under out/).
# Run it again at any time: it installs nothing twice and rebuilds only
# what changed.
#
#   ./quickstart.sh                        every sample's documents as PDF
#   ./quickstart.sh --formats pdf,html,docx   and as HTML and DOCX beside them
set -eu
cd "$(dirname "$0")"

formats=pdf
while [ $# -gt 0 ]; do
    case $1 in
        --formats) [ $# -ge 2 ] || { echo "quickstart: --formats needs a list, e.g. --formats pdf,html,docx" >&2; exit 2; }
                   formats=$2; shift 2 ;;
        --formats=*) formats=${1#--formats=}; shift ;;
        -h|--help) sed -n '2,/^[^#]/p' "$0" | sed -n 's/^# \{0,1\}//p'; exit 0 ;;
        *) echo "quickstart: unknown option '$1' (--formats LIST, --help)" >&2; exit 2 ;;
    esac
done
# Refused before anything is installed or built, with cocom's own words
# for the formats it knows.
case ",$formats," in
    *,,*) echo "quickstart: --formats '$formats': an empty format in the list" >&2; exit 2 ;;
esac
for f in $(echo "$formats" | tr ',' ' '); do
    case $f in pdf|html|docx) ;; *) echo "quickstart: --formats '$formats': unknown format '$f' (pdf, html, docx)" >&2; exit 2 ;; esac
done

PACKAGES="build-essential autoconf automake libtool pkg-config
  libxml2-dev libxml2-utils libxslt1-dev xsltproc libcairo2-dev libpango1.0-dev
  libhyphen-dev hyphen-en-gb libqpdf-dev qpdf libjpeg-dev zlib1g-dev libzip-dev
  fonts-liberation2 fonts-dejavu-core fonts-noto-core
  poppler-utils jq python3
  docbook-xsl docbook-xsl-ns docbook-xml
  chromium libreoffice-writer-nogui python3-docx"
# The HTML and DOCX outputs' real readers, for the tests (tests/outputs/):
# Debian's Chromium runs axe-core, LibreOffice converts the DOCX to PDF and
# python3-docx edits it as a script would.  axe-core and playwright-core
# (which drives Chromium) come from npm, pinned in tests/browser/.  Node.js
# and npm may come from elsewhere than Debian (the machine's own): Debian's
# are installed only when there is no npm at all.
command -v npm > /dev/null 2>&1 || PACKAGES="$PACKAGES nodejs npm"

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

# The browser checks' npm packages, exactly as locked.
if [ ! -f tests/browser/node_modules/.package-lock.json ] ||
   [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]; then
    (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi

[ -x configure ] && [ configure -nt configure.ac ] && [ configure -nt Makefile.am ] || autoreconf -fi
mkdir -p _build
cd _build
[ -f Makefile ] || ../configure --quiet
make -j"$(nproc)"
make samples FORMATS="$formats"

#!/bin/sh
# fuzz.sh — builds the lesson libFuzzer harness with clang (ASan + UBSan + libFuzzer) and runs
# it for a bounded time over tests/lesson/corpus (new interesting inputs are added there).
#
#   tests/lesson/fuzz.sh [SECONDS]        default 60
#
# Needs clang and libclang-rt-14-dev (Debian). Builds in build-fuzz-lesson/ at the top level.
# ASan only: clang 14 fails on coroutines built with UBSan + coverage ("Cannot represent a
# difference across sections"), so UBSan runs in the normal sanitizer build instead.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
secs=${1:-60}
out="$root/build-fuzz-lesson"
mkdir -p "$out/obj"
flags="-std=c++20 -O1 -g -fsanitize=fuzzer-no-link,address
  -I$root/engine/include -I$root/app -DLOOPSCOPE_SOURCE_DIR=\"$root\" -DLOOPSCOPE_VERSION=\"fuzz\""
objs=""
for src in $(find "$root/engine/src" -name '*.cpp') "$root"/app/python/*.cpp "$root"/app/python/runtime/*.cpp \
           "$root"/app/lesson/*.cpp; do
  obj="$out/obj/$(echo "$src" | sed "s|$root/||; s|/|_|g").o"
  if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ]; then
    echo "compiling $src"
    # shellcheck disable=SC2086
    clang++ $flags -c "$src" -o "$obj"
  fi
  objs="$objs $obj"
done
# shellcheck disable=SC2086
clang++ $flags -fsanitize=fuzzer,address "$here/fuzz_lesson.cpp" $objs -lhttp_parser -lpthread -o "$out/fuzz_lesson"
mkdir -p "$here/corpus"
cd "$out"
ASAN_OPTIONS=detect_leaks=1 "$out/fuzz_lesson" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
  -max_len=8192 -dict="$here/fuzz.dict" "$here/corpus" "$here/good"

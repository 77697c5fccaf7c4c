#!/bin/sh
# fuzz.sh — build the HTTP parsing harness with clang's libFuzzer (+ ASan/UBSan, leak checks)
# and fuzz it for a bounded time.
#   tests/engine/net/fuzz.sh [SECONDS]        default 60
# The build goes to build-fuzz/ at the repository root; new inputs go to build-fuzz/corpus-new/
# (copy interesting ones into tests/engine/net/corpus/ by hand). Needs Debian clang + libclang-rt-14-dev.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
seconds=${1:-60}
out="$root/build-fuzz"
mkdir -p "$out/corpus-new"
CXX=${CXX:-clang++}
$CXX -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -I"$root/engine/include" \
  "$here/fuzz_http.cpp" \
  "$root/engine/src/net/errors.cpp" "$root/engine/src/net/http_message.cpp" \
  "$root/engine/src/net/http_parse.cpp" "$root/engine/src/net/http_serialize.cpp" \
  "$root/engine/src/net/url.cpp" \
  -lhttp_parser -o "$out/fuzz_http"
# -timeout: one input taking over 5 s is a hang; -rss_limit_mb bounds memory growth.
exec "$out/fuzz_http" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=1024 \
  -detect_leaks=1 -print_final_stats=1 "$out/corpus-new" "$here/corpus"

// parse_bench.cpp — how long the Python front end takes to parse a 300-line program (the issue's
// goal: under 5 ms), tokenizer and parser and scope pass together. Prints one line like the other
// peers: `peer=loopscope workload=parse lines=300 bytes=N seconds=S per_parse_ms=M` where M is the
// median of 200 parses (after 20 warm-up parses); not a timed test.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "python/parser.hpp"

namespace {

// A realistic asyncio teaching program of exactly `lines` lines: a header, then repeated blocks
// of workers, producers/consumers, comprehensions, f-strings and try/except, then main().
std::string make_program(int lines) {
  static const char* const k_block[] = {
      "async def worker_{n}(name, delay=0.5, *, retries=3):",
      "    \"\"\"One worker: waits, retries, reports.\"\"\"",
      "    global finished",
      "    attempt = 0",
      "    while attempt < retries:",
      "        try:",
      "            await asyncio.sleep(delay * (attempt + 1))",
      "            result = {{'name': name, 'attempt': attempt, 'ok': attempt % 2 == 0}}",
      "            if result['ok'] and not cancelled:",
      "                finished += 1",
      "                print(f\"{{name:>8}} done after {{attempt}} tries ({{delay:.2f}}s)\")",
      "                return result",
      "            elif attempt > 1:",
      "                raise ValueError(f'{{name!r}} failed')",
      "        except asyncio.CancelledError:",
      "            print(name, 'cancelled', sep=': ')",
      "            raise",
      "        except (ValueError, KeyError) as error:",
      "            errors.append((name, str(error)))",
      "        finally:",
      "            attempt += 1",
      "    return None",
      "",
      "",
      "async def consumer_{n}(q, results):",
      "    while True:",
      "        item = await q.get()",
      "        squares = [x * x for x in range(item) if x % 3 != 0]",
      "        results[item] = sum(squares) + len({{s for s in squares}})",
      "        q.task_done()",
      "",
      "",
  };
  std::string out =
      "import asyncio\nimport random\nimport time\n\nJOBS = 3\nfinished = 0\ncancelled = False\n"
      "errors = []\n\n\n";
  int count = 10;
  int n = 0;
  const int block_lines = static_cast<int>(sizeof k_block / sizeof k_block[0]);
  while (count + block_lines + 12 <= lines) {
    for (const char* line : k_block) {
      std::string l = line;
      std::string expanded;
      for (std::size_t i = 0; i < l.size(); ++i) {
        if (l.compare(i, 3, "{n}") == 0) {
          expanded += std::to_string(n);
          i += 2;
        } else if (l.compare(i, 2, "{{") == 0) {
          expanded += '{';
          ++i;
        } else if (l.compare(i, 2, "}}") == 0) {
          expanded += '}';
          ++i;
        } else {
          expanded += l[i];
        }
      }
      out += expanded + "\n";
    }
    count += block_lines;
    ++n;
  }
  out += "async def main():\n"
         "    q = asyncio.Queue(maxsize=JOBS)\n"
         "    results = {}\n"
         "    tasks = [asyncio.create_task(worker_0(f'w{i}', delay=i / 10)) for i in range(JOBS)]\n"
         "    consumers = [asyncio.create_task(consumer_0(q, results)) for _ in range(2)]\n"
         "    for i in range(JOBS):\n"
         "        await q.put(i)\n"
         "    await q.join()\n"
         "    done = await asyncio.gather(*tasks, return_exceptions=True)\n"
         "    print(sorted(results.items()), done, errors, sep='\\n')\n"
         "\n";
  count += 11;
  while (count < lines - 1) {
    out += "# padding\n";
    ++count;
  }
  out += "asyncio.run(main())\n";
  return out;
}

}  // namespace

int main() {
  const int lines = 300;
  const std::string program = make_program(lines);
  const auto check = loopscope::python::parse(program);
  if (!check.ok()) {
    const auto& d = check.diagnostics.front();
    std::fprintf(stderr, "parse_bench: the generated program does not parse: %d:%d: %s\n", d.line, d.col,
                 d.message.c_str());
    return 1;
  }
  for (int i = 0; i < 20; ++i) (void)loopscope::python::parse(program);
  std::vector<double> samples;
  const auto all0 = std::chrono::steady_clock::now();
  for (int i = 0; i < 200; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    const auto r = loopscope::python::parse(program);
    samples.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    if (!r.ok()) return 1;
  }
  const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - all0).count();
  std::sort(samples.begin(), samples.end());
  const int actual_lines = static_cast<int>(std::count(program.begin(), program.end(), '\n'));
  std::printf("peer=loopscope workload=parse lines=%d bytes=%zu seconds=%.4f per_parse_ms=%.3f best_ms=%.3f goal_ms=5\n",
              actual_lines, program.size(), total, samples[samples.size() / 2] * 1e3, samples.front() * 1e3);
  return 0;
}

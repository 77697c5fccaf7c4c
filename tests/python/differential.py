#!/usr/bin/python3
"""differential.py SYNTAX_CHECK SEED COUNT FILE... — compares Loopscope's first syntax error with
CPython's on COUNT random small edits (deletions, insertions of tokens, moved text) of the FILEs.

SYNTAX_CHECK is the built tests/python/syntax_check tool (`cmake --build B --target
python_syntax_check`). Prints the differing cases (up to $SHOW, default 15) and a summary by
message pair; exit status 0. A development aid for error fidelity, not a test: CPython's
messages for unusual inputs depend on its parser's backtracking, which Loopscope approximates.
"""
import collections
import os
import random
import subprocess
import sys
import tempfile
import warnings

INSERTS = [':', '(', ')', '[', ']', '{', '}', ',', '=', ' ', '\n', '    ', '\t', '"', "'", 'if ', 'else',
           'for ', 'in ', 'await ', 'async ', '*', '**', '.', 'lambda', 'def ', 'return', 'x', '1', 'f"{',
           '}"', '\\', '#', 'not ', 'and ', ':=', '->', '@', 'global x\n', 'nonlocal y\n', 'break\n']


def mutate(rng, s):
    for _ in range(rng.choice([1, 1, 1, 2])):
        k = rng.randrange(len(s) + 1)
        op = rng.random()
        if op < 0.4:
            s = s[:k] + s[min(len(s), k + rng.choice([1, 1, 2, 3, 5])):]
        elif op < 0.9:
            s = s[:k] + rng.choice(INSERTS) + s[k:]
        else:
            j = min(len(s), k + 10)
            s = s[:k] + s[j:k + 20] + s[k:j] + s[k + 20:]
    return s


def cpython_error(src, path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(src, path, 'exec')
            return "OK"
        except SyntaxError as e:
            return f"{e.lineno}:{e.offset}: {e.msg}"
        except ValueError as e:  # e.g. NUL bytes
            return f"ValueError: {e}"


def main():
    tool, seed, count, files = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
    rng = random.Random(seed)
    sources = [open(f, encoding='utf-8').read() for f in files]
    with tempfile.TemporaryDirectory() as tmp:
        paths, expected = [], {}
        for i in range(count):
            src = mutate(rng, rng.choice(sources))
            path = os.path.join(tmp, f"m{i}.py")
            with open(path, 'w', encoding='utf-8') as f:
                f.write(src)
            paths.append(path)
            expected[path] = cpython_error(src, path)
        out = subprocess.run([tool], input="\n".join(paths) + "\n", capture_output=True, text=True, check=True).stdout
        ours = dict(line.split("\t", 1) for line in out.splitlines())
        show = int(os.environ.get("SHOW", "15"))
        pairs = collections.Counter()
        differ = 0
        for path in paths:
            a, b = expected[path], ours.get(path, "CRASH")
            if a == b:
                continue
            differ += 1
            pairs[(a.split(": ", 1)[-1][:60], b.split(": ", 1)[-1][:60])] += 1
            if differ <= show:
                print(f"{os.path.basename(path)}: cpython {a!r} | loopscope {b!r}")
        print(f"{differ}/{count} differ ({100.0 * (count - differ) / count:.1f}% identical)")
        for (a, b), n in pairs.most_common(20):
            print(f"{n:4}  cpython: {a}  |  loopscope: {b}")


if __name__ == "__main__":
    main()

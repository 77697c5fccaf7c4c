# span_dump.py FILE... — prints CPython's ast of each FILE as span_dump.hpp prints Loopscope's:
# a header line "=== FILE" (or "=== FILE !" when CPython rejects the file), then one line
# "Kind line:col-end_line:end_col" per statement and expression (columns in code points, 1-based,
# end exclusive), in the same order and with the same parts skipped.
import ast
import sys


def dump(path):
    src = open(path, encoding='utf-8').read()
    try:
        tree = ast.parse(src)
    except SyntaxError:
        return None
    lines = src.split('\n')

    def cp(line, byte_col):
        return len(lines[line - 1].encode('utf-8')[:byte_col].decode('utf-8', errors='replace')) + 1

    out = []

    def visit(n):
        if isinstance(n, (ast.stmt, ast.expr)):
            out.append(f"{type(n).__name__} {n.lineno}:{cp(n.lineno, n.col_offset)}-"
                       f"{n.end_lineno}:{cp(n.end_lineno, n.end_col_offset)}")
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for s in n.body:
                visit(s)
            return
        if isinstance(n, ast.Lambda):
            visit(n.body)
            return
        if isinstance(n, ast.JoinedStr):
            return
        if isinstance(n, ast.Dict):
            for k, v in zip(n.keys, n.values):
                if k is not None:
                    visit(k)
                visit(v)
            return
        for c in ast.iter_child_nodes(n):
            visit(c)

    visit(tree)
    return out


for path in sys.argv[1:]:
    lines = dump(path)
    print(f"=== {path}" + (" !" if lines is None else ""))
    for line in lines or []:
        print(line)

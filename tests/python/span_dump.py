# span_dump.py FILE — prints CPython's ast of FILE as span_dump.hpp prints Loopscope's: one line
# "Kind line:col-end_line:end_col" per statement and expression (columns in code points, 1-based,
# end exclusive), in the same order and with the same parts skipped.
import ast, sys
src = open(sys.argv[1], encoding='utf-8').read()
tree = ast.parse(src)
lines = src.split('\n')
def cp(line, byte_col):
    l = lines[line-1].encode('utf-8')
    return len(l[:byte_col].decode('utf-8', errors='replace')) + 1
out = []
def emit(n):
    out.append(f"{type(n).__name__} {n.lineno}:{cp(n.lineno, n.col_offset)}-{n.end_lineno}:{cp(n.end_lineno, n.end_col_offset)}")
def visit(n):
    if isinstance(n, (ast.stmt, ast.expr)):
        emit(n)
    if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
        for s in n.body: visit(s)
        return
    if isinstance(n, ast.Lambda):
        visit(n.body); return
    if isinstance(n, ast.JoinedStr):
        return
    if isinstance(n, ast.Dict):
        for k, v in zip(n.keys, n.values):
            if k is not None: visit(k)
            visit(v)
        return
    for c in ast.iter_child_nodes(n):
        visit(c)
visit(tree)
if out: print("\n".join(out))

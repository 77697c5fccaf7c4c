# scope_dump.py FILE... — prints CPython's symbol table for each function-like scope of each FILE
# (functions, lambdas, comprehensions) as test_parser.cpp prints Loopscope's ScopeInfo: a header
# "=== FILE" ("=== FILE !" when CPython rejects it), then one line per scope, sorted:
# "KIND NAME LINE | locals=a,b free=c cells=d globals=e nonlocals=f" (names sorted).
import symtable
import sys

KINDS = {"listcomp": "ListComp", "setcomp": "SetComp", "dictcomp": "DictComp", "genexpr": "GeneratorExp",
         "lambda": "Lambda"}


def scope_lines(table, out):
    for child in table.get_children():
        if child.get_type() == "function":
            name = child.get_name()
            kind = KINDS.get(name, "FunctionDef")
            syms = child.get_symbols()
            scope_of = {s.get_name(): s._Symbol__scope for s in syms}
            locals_ = sorted(s.get_name() for s in syms if s.is_local() and not s.get_name().startswith(".")
                             and not s.is_declared_global()
                             and not s.is_nonlocal() and (s.is_assigned() or s.is_parameter() or s.is_imported()
                                                          or s.is_namespace()))
            frees = sorted(child.get_frees())
            cells = sorted(n for n, sc in scope_of.items() if sc == symtable.CELL)
            globals_ = sorted(s.get_name() for s in syms if s.is_declared_global())
            nonlocals = sorted(s.get_name() for s in syms if s.is_nonlocal())
            shown = name if kind == "FunctionDef" else kind
            out.append(f"{kind} {shown} {child.get_lineno()} | locals={','.join(locals_)} free={','.join(frees)} "
                       f"cells={','.join(cells)} globals={','.join(globals_)} nonlocals={','.join(nonlocals)}")
        scope_lines(child, out)


for path in sys.argv[1:]:
    src = open(path, encoding="utf-8").read()
    try:
        top = symtable.symtable(src, path, "exec")
    except SyntaxError:
        print(f"=== {path} !")
        continue
    print(f"=== {path}")
    lines = []
    scope_lines(top, lines)
    for line in sorted(lines):
        print(line)

# error: 5:7: unterminated string literal (detected at line 5)
class Worker:
    pass

print("unterminated)

# error: 3:5: 'continue' not properly in loop
def f():
    continue

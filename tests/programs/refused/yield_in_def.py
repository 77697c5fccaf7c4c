# error: 3:5: `yield` is not supported in Loopscope programs (generators are outside the subset)
def numbers():
    yield 1
    yield 2

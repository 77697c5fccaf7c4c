# error: 3:5: `yield` is not supported in Loopscope programs (generators are outside the subset)
def numbers():
    yield from range(3)

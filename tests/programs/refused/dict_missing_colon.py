# error: 2:16: ':' expected after dictionary key
d = {"a": 1, "b"}

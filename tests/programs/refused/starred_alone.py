# error: 3:5: can't use starred expression here
a = [1, 2]
b = *a

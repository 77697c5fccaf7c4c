# error: 3:1: name 'count' is assigned to before nonlocal declaration
count = 0
nonlocal count

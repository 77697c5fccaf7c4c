# error: 2:4: cannot assign to function call here. Maybe you meant '==' instead of '='?
a, len(b) = 1, 2

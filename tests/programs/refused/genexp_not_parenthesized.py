# error: 2:13: Generator expression must be parenthesized
total = sum(x for x in range(3), 10)

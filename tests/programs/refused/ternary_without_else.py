# error: 3:5: expected 'else' after 'if' expression
x = 1
y = "big" if x > 0

# error: 2:16: closing parenthesis ')' does not match opening parenthesis '['
jobs = [1, 2, 3)
print(jobs)

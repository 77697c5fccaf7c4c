# error: 3:24: f-string: empty expression not allowed
name = "w"
print(f"worker {} done")

# error: 2:21: keyword argument repeated: sep
print("a", sep=" ", sep=",")

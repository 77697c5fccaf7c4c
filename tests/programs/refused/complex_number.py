# error: 2:9: complex numbers are not supported in Loopscope programs
z = 1 + 2j

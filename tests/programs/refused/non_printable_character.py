# error: 2:2: invalid non-printable character U+00A0
x = 1

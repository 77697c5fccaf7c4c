# error: 2:7: integer literal too large: Loopscope integers are 64-bit
big = 123456789012345678901234567890

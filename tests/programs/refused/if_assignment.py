# error: 4:4: invalid syntax. Maybe you meant '==' or ':=' instead of '='?
import asyncio
done = False
if done = True:
    print("done")

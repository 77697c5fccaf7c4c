# error: 4:1: `match` statements are not supported in Loopscope programs
import asyncio
command = "go"
match command:
    case "go":
        print("going")

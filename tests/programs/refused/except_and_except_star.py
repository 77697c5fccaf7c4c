# error: 9:5: cannot have both 'except' and 'except*' on the same 'try'
import asyncio

async def main():
    try:
        pass
    except ValueError:
        pass
    except* TypeError:
        pass

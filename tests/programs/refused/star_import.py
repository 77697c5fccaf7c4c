# error: 2:21: `from ... import *` is not supported in Loopscope programs
from asyncio import *

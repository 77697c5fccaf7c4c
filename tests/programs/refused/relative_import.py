# error: 2:6: relative imports are not supported in Loopscope programs
from . import helpers

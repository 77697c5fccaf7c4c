# error: 2:1: unterminated triple-quoted string literal (detected at line 4)
"""A lesson program.

import asyncio

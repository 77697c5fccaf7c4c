# error: module 'os' is not available
import os

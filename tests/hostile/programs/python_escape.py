# unshare(CLONE_NEWUSER) through ctypes: the sandbox must kill the interpreter at the call.
import ctypes
import os

libc = ctypes.CDLL(None, use_errno=True)
result = libc.unshare(0x10000000)
print("unshare returned", result, os.strerror(ctypes.get_errno()))

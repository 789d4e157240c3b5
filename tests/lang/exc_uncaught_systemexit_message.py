import sys
print("exit with message")
sys.exit("fatal: giving up")

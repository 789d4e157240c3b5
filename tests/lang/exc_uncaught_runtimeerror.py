def step():
    raise RuntimeError("state machine broke")
print("stepping")
step()

transitions = {("idle", "start"): "running", ("running", "pause"): "paused", ("paused", "start"): "running", ("running", "stop"): "idle"}
state = "idle"
for ev in ["start", "pause", "start", "stop", "pause"]:
    nxt = transitions.get((state, ev))
    if nxt is None:
        print(f"{state}: ignore {ev}")
    else:
        print(f"{state} --{ev}--> {nxt}")
        state = nxt

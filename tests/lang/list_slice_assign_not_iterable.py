# Assigning a non-iterable to a slice: the message depends on the slice step (None and 1 are plain).
l=[1,2,3]
for k in (slice(1,2), slice(None,None,2), slice(None,None,1), slice(0,3,-1)):
    try:
        l[k]=5
    except TypeError as e: print(e)

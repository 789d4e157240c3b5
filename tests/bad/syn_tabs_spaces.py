# expect: TabError IndentationError SyntaxError
if 1:
	x = 1
        y = 2

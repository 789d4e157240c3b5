# expect: IndentationError SyntaxError ok
    
        x = 1

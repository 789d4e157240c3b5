# expect: SyntaxError
class :
    pass

# expect: SyntaxError
from import x

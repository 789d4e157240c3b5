# expect: SyntaxError
;

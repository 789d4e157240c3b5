for s in ("123", "12.3", "abc", "abc123", "  ", "", "ABC", "Ab1", "٣"):
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isnumeric(), s.isdecimal())
print("_id".isidentifier(), "1x".isidentifier())

s = "The Quick Brown Fox"
print(s[::-1], " ".join(w[::-1] for w in s.split()))
print("".join(c for c in s if c.lower() not in "aeiou"))
print(s.lower().count("o"), sorted(set(s.lower().replace(" ", ""))))
def is_pal(t):
    t = "".join(c.lower() for c in t if c.isalnum())
    return t == t[::-1]
print(is_pal("A man, a plan, a canal: Panama"), is_pal("nope"))
print("-".join(f"{ord(c):02x}" for c in "hi!"))

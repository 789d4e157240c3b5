s = 'héllo'
print(s[1], len(s), s.upper(), s[::-1])
w = 'naïve café ☕'
print(len(w), w[4], w[-1], w.split())
print(ord('é'), chr(233), chr(9749), ord('☕'))
print('日本語'[1], len('日本語'), '日本語'.find('語'))
print('ß'.upper() if False else 'ÉCOLE'.lower())

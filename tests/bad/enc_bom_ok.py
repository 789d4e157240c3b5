# expect: ok
print("bom ok")

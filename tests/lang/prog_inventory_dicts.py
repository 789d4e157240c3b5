inv = {"apple": {"qty": 5, "price": 0.5}, "pear": {"qty": 0, "price": 0.75}, "fig": {"qty": 12, "price": 0.2}}
in_stock = {k: v for k, v in inv.items() if v["qty"] > 0}
print(sorted(in_stock))
total = sum(v["qty"] * v["price"] for v in inv.values())
print(f"total value: {total:.2f}")
for name, item in sorted(inv.items(), key=lambda kv: kv[1]["price"]):
    print(f"{name:>6}: {item['qty']:3d} @ {item['price']:.2f}")

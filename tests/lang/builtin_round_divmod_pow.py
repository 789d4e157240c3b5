print(round(3.14159, 2), round(-1.5), round(2.5), round(123, -1), round(1.25, 1))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
print(pow(2, 8), pow(2, 8, 5), pow(2.0, 3), pow(4, 0.5), pow(-8, 1) )

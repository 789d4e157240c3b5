from math import sqrt, pi
from math import floor as fl
print(sqrt(81), round(pi, 4), fl(9.99))
import math as m
print(m.sqrt(4) == sqrt(4))

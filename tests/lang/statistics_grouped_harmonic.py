# statistics.median_grouped (3.11: float result, one item too) and harmonic_mean's order of the
# zero and negative checks.
import statistics as s
print(s.median_grouped([3]), s.median_grouped([1, 3, 5]), s.median_grouped([2, 2, 3]), s.median_grouped([1.5]))
print(s.median_grouped([1, 2, 2, 3, 4], interval=2), s.median_grouped(range(10)))
for data, w in [([0, -1, 2], None), ([-1, 0, 2], None), ([3, 0], [0, 1]), ([3, 0], [1, 0]), ([2, 4], None), ([1, 0], [1, -1])]:
    try: print(data, w, s.harmonic_mean(data, w))
    except s.StatisticsError as e: print(data, w, 'StatisticsError', e)

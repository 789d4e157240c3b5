import statistics as st
datasets = [[1, 2, 3, 4], [1, 2, 3], [2.5, 3.25, 5.75], [0.1, 0.2, 0.3, 0.4], [1, 2.5, 4], [10**20, 1, 3],
            [2, 4, 4, 4, 5, 5, 7, 9], [1.5, 2.5, 2.5, 2.75, 3.25, 4.75], [-1, 0, 1], [0.1] * 7, [3, 3, 3, 3],
            [27, 19, 43, 22, 35, 31], [1e100, 1, -1e100], [1.1, 2.2, 3.3, 4.4, 5.5, 6.6]]
for d in datasets:
    print(d)
    for f in ['mean', 'fmean', 'median', 'median_low', 'median_high', 'mode', 'multimode',
              'variance', 'pvariance', 'stdev', 'pstdev', 'quantiles', 'median_grouped', 'geometric_mean', 'harmonic_mean']:
        try:
            print(' ', f, repr(getattr(st, f)(d)))
        except Exception as e:
            print(' ', f, type(e).__name__, e)
print(st.quantiles(range(1, 11), n=10), st.quantiles([1, 2, 3, 4, 5], n=4, method='inclusive'))
print(st.variance([1, 2, 3, 4], 2.5), st.pvariance([1, 2, 3], mu=2), st.stdev([1.5, 2.5], 2.0))
print(st.mode('aabbbc'), st.multimode('aabbcc'), st.multimode([]), st.mean([True, False, True]) if False else '')
print(st.fmean([1, 2, 3], weights=[3, 2, 1]), st.covariance([1, 2, 3], [1, 2, 4]), st.correlation([1, 2, 3], [1, 2, 4]))
for bad in [lambda: st.mean([]), lambda: st.variance([1]), lambda: st.stdev([]), lambda: st.median([]), lambda: st.mode([]),
            lambda: st.pvariance([]), lambda: st.quantiles([1]), lambda: st.quantiles([1, 2], n=0), lambda: st.fmean([])]:
    try: bad()
    except st.StatisticsError as e: print('StatisticsError', e, isinstance(e, ValueError))
lr = st.linear_regression([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])
print(round(lr.slope, 6), round(lr.intercept, 6))

"""statistics: descriptive statistics as CPython 3.11 computes them (Tollbooth's frozen module).

mean, fmean, geometric_mean, harmonic_mean, median, median_low, median_high, median_grouped,
mode, multimode, quantiles, variance, pvariance, stdev, pstdev, covariance, correlation,
linear_regression, StatisticsError. Sums are exact (rationals kept as integer pairs, since there
is no fractions module), then converted once, so results print as CPython's for int and float
data. Fraction and Decimal data are not supported (no such types here).
"""

import math

__all__ = ['StatisticsError', 'fmean', 'geometric_mean', 'mean', 'harmonic_mean', 'pstdev',
           'pvariance', 'stdev', 'variance', 'median', 'median_low', 'median_high',
           'median_grouped', 'mode', 'multimode', 'quantiles', 'covariance', 'correlation',
           'linear_regression']


class StatisticsError(ValueError):
    pass


def _ratio(x):
    """x as an exact (numerator, denominator), or None when it is a non-finite float."""
    if isinstance(x, int):
        return int(x), 1
    if isinstance(x, float):
        if x != x or x in (math.inf, -math.inf):
            return None
        return x.as_integer_ratio()
    raise TypeError("can't convert type '%s' to numerator/denominator" % type(x).__name__)


def _norm(n, d):
    if d < 0:
        n, d = -n, -d
    g = math.gcd(n, d)
    if g > 1:
        n //= g
        d //= g
    return n, d


def _coerce(T, S):
    if T is S:
        return T
    if S is int or S is bool:
        return T
    if T is int or T is bool:
        return S
    if issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    if issubclass(T, int):
        return S
    if issubclass(S, int):
        return T
    raise TypeError("don't know how to coerce %s and %s" % (T.__name__, S.__name__))


def _sum(data):
    """(type, numerator, denominator, count, nonfinite or None)."""
    T = int
    partials = {}
    count = 0
    special = None
    for x in data:
        count += 1
        T = _coerce(T, type(x))
        r = _ratio(x)
        if r is None:
            special = x if special is None else special + x
            continue
        n, d = r
        partials[d] = partials.get(d, 0) + n
    num, den = 0, 1
    for d, n in partials.items():
        num, den = _norm(num * d + n * den, den * d)
    return T, num, den, count, special


def _convert(n, d, T):
    if T is int or T is bool:
        if d == 1:
            return n
        T = float
    if T is float:
        return n / d
    return T(n / d)


def mean(data):
    T, n, d, count, special = _sum(data)
    if count < 1:
        raise StatisticsError('mean requires at least one data point')
    if special is not None:
        return special / 1
    return _convert(*_norm(n, d * count), T)


def fmean(data, weights=None):
    data = list(data)
    n = len(data)
    if weights is None:
        if not n:
            raise StatisticsError('fmean requires at least one data point')
        return math.fsum(data) / n
    weights = list(weights)
    num = math.fsum([x * w for x, w in zip(data, weights)])
    if n != len(weights):
        raise StatisticsError('data and weights must be the same length')
    den = math.fsum(weights)
    if not den:
        raise StatisticsError('sum of weights must be non-zero')
    return num / den


def geometric_mean(data):
    try:
        return math.exp(fmean([math.log(x) for x in data]))
    except ValueError:
        raise StatisticsError('geometric mean requires a non-empty dataset '
                              'containing positive numbers') from None


def harmonic_mean(data, weights=None):
    data = list(data)
    errmsg = 'harmonic mean does not support negative values'
    n = len(data)
    if n < 1:
        raise StatisticsError('harmonic_mean requires at least one data point')
    elif n == 1 and weights is None:
        x = data[0]
        if isinstance(x, (int, float)):
            if x < 0:
                raise StatisticsError(errmsg)
            return x
        raise TypeError('unsupported type')
    if weights is None:
        weights = [1] * n
    else:
        weights = list(weights)
        if len(weights) != n:
            raise StatisticsError('Number of weights does not match data size')
    for w in weights:
        if w < 0:
            raise StatisticsError(errmsg)
    # in order, as CPython's lazy check: a zero (with a non-zero weight) before any negative
    # value makes the result 0, a negative value before any such zero is the error
    for w, x in zip(weights, data):
        if x < 0:
            raise StatisticsError(errmsg)
        if w and x == 0:
            return 0
    T0, wn, wd, _, _ = _sum(weights)
    T, tn, td, _, _ = _sum([w / x if w else 0 for w, x in zip(weights, data)])
    if tn <= 0:
        raise StatisticsError('Weighted sum must be positive')
    return _convert(*_norm(wn * td, wd * tn), T)


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    return data[n // 2]


def median_grouped(data, interval=1):
    # CPython 3.11: no special case for one item; x and interval are converted to float
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    x = data[n // 2]
    lo = 0
    while lo < n and data[lo] < x:
        lo += 1
    hi = lo
    while hi < n and data[hi] == x:
        hi += 1
    try:
        interval = float(interval)
        x = float(x)
    except ValueError:
        raise TypeError('Value cannot be converted to a float')
    L = x - interval / 2.0
    cf = lo
    f = hi - lo
    return L + interval * (n / 2 - cf) / f


def _counts(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    return counts


def mode(data):
    counts = _counts(data)
    if not counts:
        raise StatisticsError('no mode for empty data')
    best = None
    bestc = 0
    for k, c in counts.items():
        if c > bestc:
            best, bestc = k, c
    return best


def multimode(data):
    counts = _counts(data)
    if not counts:
        return []
    m = max(counts.values())
    return [k for k, c in counts.items() if c == m]


def quantiles(data, *, n=4, method='exclusive'):
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError('must have at least two data points')
    if method == 'inclusive':
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            result.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
        return result
    if method == 'exclusive':
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            result.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
        return result
    raise ValueError('Unknown method: %r' % (method,))


def _ss(data, c=None):
    """(type, ssd numerator, ssd denominator, count, special): the exact sum of squared
    deviations from the mean (or from c)."""
    if c is not None:
        T = int
        num, den = 0, 1
        count = 0
        special = None
        for x in data:
            count += 1
            dev = x - c
            T = _coerce(T, type(dev))
            sq = dev * dev
            r = _ratio(sq)
            if r is None:
                special = sq
                continue
            num, den = _norm(num * r[1] + r[0] * den, den * r[1])
        return T, num, den, count, special
    T = int
    count = 0
    sx = {}
    sxx = {}
    special = None
    for x in data:
        count += 1
        T = _coerce(T, type(x))
        r = _ratio(x)
        if r is None:
            special = x
            continue
        n, d = r
        sx[d] = sx.get(d, 0) + n
        sxx[d] = sxx.get(d, 0) + n * n
    if special is not None or not count:
        return T, 0, 1, count, special
    # sum x and sum x*x as exact rationals
    an, ad = 0, 1
    for d, n in sx.items():
        an, ad = _norm(an * d + n * ad, ad * d)
    bn, bd = 0, 1
    for d, n in sxx.items():
        dd = d * d
        bn, bd = _norm(bn * dd + n * bd, bd * dd)
    # ssd = (count * sxx - sx * sx) / count
    num = count * bn * ad * ad - an * an * bd
    den = bd * ad * ad * count
    num, den = _norm(num, den)
    return T, num, den, count, special


def _isqrt_frac_rto(n, m):
    a = math.isqrt(n // m)
    return a | (a * a * m != n)


def _float_sqrt_of_frac(n, m):
    q = (n.bit_length() - m.bit_length() - 109) // 2
    if q >= 0:
        numerator = _isqrt_frac_rto(n, m << 2 * q) << q
        denominator = 1
    else:
        numerator = _isqrt_frac_rto(n << -2 * q, m)
        denominator = 1 << -q
    return numerator / denominator


def variance(data, xbar=None):
    T, n, d, count, special = _ss(data, xbar)
    if count < 2:
        raise StatisticsError('variance requires at least two data points')
    if special is not None:
        return math.nan
    return _convert(*_norm(n, d * (count - 1)), T)


def pvariance(data, mu=None):
    T, n, d, count, special = _ss(data, mu)
    if count < 1:
        raise StatisticsError('pvariance requires at least one data point')
    if special is not None:
        return math.nan
    return _convert(*_norm(n, d * count), T)


def stdev(data, xbar=None):
    T, n, d, count, special = _ss(data, xbar)
    if count < 2:
        raise StatisticsError('stdev requires at least two data points')
    if special is not None:
        return math.nan
    n, d = _norm(n, d * (count - 1))
    return _float_sqrt_of_frac(n, d)


def pstdev(data, mu=None):
    T, n, d, count, special = _ss(data, mu)
    if count < 1:
        raise StatisticsError('pstdev requires at least one data point')
    if special is not None:
        return math.nan
    n, d = _norm(n, d * count)
    return _float_sqrt_of_frac(n, d)


def covariance(x, y):
    n = len(x)
    if len(y) != n:
        raise StatisticsError('covariance requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('covariance requires at least two data points')
    xbar = math.fsum(x) / n
    ybar = math.fsum(y) / n
    sxy = math.fsum([(xi - xbar) * (yi - ybar) for xi, yi in zip(x, y)])
    return sxy / (n - 1)


def correlation(x, y):
    n = len(x)
    if len(y) != n:
        raise StatisticsError('correlation requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('correlation requires at least two data points')
    xbar = math.fsum(x) / n
    ybar = math.fsum(y) / n
    sxy = math.fsum([(xi - xbar) * (yi - ybar) for xi, yi in zip(x, y)])
    sxx = math.fsum([(d := xi - xbar) * d for xi in x])
    syy = math.fsum([(d := yi - ybar) * d for yi in y])
    try:
        return sxy / math.sqrt(sxx * syy)
    except ZeroDivisionError:
        raise StatisticsError('at least one of the inputs is constant')


def linear_regression(x, y, *, proportional=False):
    n = len(x)
    if len(y) != n:
        raise StatisticsError('linear regression requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('linear regression requires at least two data points')
    if proportional:
        sxy = math.fsum([xi * yi for xi, yi in zip(x, y)]) + 0.0
        sxx = math.fsum([xi * xi for xi in x])
    else:
        xbar = math.fsum(x) / n
        ybar = math.fsum(y) / n
        sxy = math.fsum([(xi - xbar) * (yi - ybar) for xi, yi in zip(x, y)])
        sxx = math.fsum([(d := xi - xbar) * d for xi in x])
    try:
        slope = sxy / sxx
    except ZeroDivisionError:
        raise StatisticsError('x is constant')
    intercept = 0.0 if proportional else ybar - slope * xbar
    return _LR(slope, intercept)


class _LR:
    def __init__(self, slope, intercept):
        self.slope = slope
        self.intercept = intercept

    def __iter__(self):
        return iter((self.slope, self.intercept))

    def __repr__(self):
        return 'LinearRegression(slope=%r, intercept=%r)' % (self.slope, self.intercept)

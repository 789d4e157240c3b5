# sys.float_info and sys.int_info (named-field tuples; int_info's digit size is tollpy's own, so only
# the str-digit limits are printed) and TextIOWrapper.writelines on sys.stdout.
import sys
print(sys.float_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig, sys.float_info[0], len(sys.float_info))
print(sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold, sys.int_info.sizeof_digit, len(sys.int_info))
print(sys.stdout.writelines(['a', 'b', '\n']))
sys.stdout.writelines(x for x in ('gen', '\n'))
try:
    sys.stdout.writelines(['ok\n', 5])
except TypeError as e:
    print(e)

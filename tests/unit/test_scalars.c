/* tests/unit/test_scalars.c — C-level checks of the scalar types: ints, floats, strs, formatting, ops.
 * Each check evaluates through the generic operations and compares repr() with what CPython
 * 3.11 prints. Build and run: make test-scalars (mk/unit.mk). */
#include <stdio.h>
#include <string.h>
#include "core/obj.h"
#include "core/state.h"
#include "runtime/interp.h"
#include "objects/strfmt.h"

static int fails, checks;

static void check_obj(const char *what, Obj *r, const char *want)
{
    checks++;
    char got[4096];
    if (!r) {
        Obj *e = exc_fetch();
        Obj *s = e ? obj_str(e) : NULL;
        snprintf(got, sizeof got, "%s: %s", e ? type_name(e) : "NULL", s ? str_data(s) : "?");
        XDECREF(s); XDECREF(e);
    } else {
        Obj *s = obj_repr(r);
        snprintf(got, sizeof got, "%s", s ? str_data(s) : "<repr failed>");
        if (!s) exc_clear();
        XDECREF(s);
        DECREF(r);
    }
    if (strcmp(got, want)) { fails++; printf("FAIL %s\n  got:  %s\n  want: %s\n", what, got, want); }
}

static Obj *I(const char *s) { return int_from_str(s, strlen(s), 10); }
static Obj *S(const char *s) { return str_from_cstr(s); }
static Obj *F(double d) { return float_new(d); }

static Obj *bin(Obj *a, Obj *b, int op) { Obj *r = obj_binop(a, b, op); DECREF(a); DECREF(b); return r; }
static Obj *fmt(Obj *v, const char *spec) { Obj *s = S(spec); Obj *r = obj_format(v, s); DECREF(s); DECREF(v); return r; }
static Obj *meth(Obj *o, const char *name, int n, Obj *a0, Obj *a1)
{
    Obj *args[2] = { a0, a1 };
    Obj *r = obj_call_method(o, name, args, n);
    DECREF(o); if (n > 0) DECREF(a0); if (n > 1) DECREF(a1);
    return r;
}
static Obj *pct(const char *f, Obj *args) { Obj *s = S(f); Obj *r = obj_binop(s, args, NB_MOD); DECREF(s); DECREF(args); return r; }

int main(void)
{
    Interp *in = interp_new(256u << 20);
    if (!in) { printf("interp_new failed\n"); return 2; }
    /* ints */
    check_obj("10**30", bin(MK_SMALL(10), MK_SMALL(30), NB_POW), "1000000000000000000000000000000");
    check_obj("2**100//3", bin(bin(MK_SMALL(2), MK_SMALL(100), NB_POW), MK_SMALL(3), NB_FLOORDIV), "422550200076076467165567735125");
    check_obj("-7//2", bin(MK_SMALL(-7), MK_SMALL(2), NB_FLOORDIV), "-4");
    check_obj("-7%2", bin(MK_SMALL(-7), MK_SMALL(2), NB_MOD), "1");
    check_obj("big mod neg", bin(I("-100000000000000000000000"), I("7"), NB_MOD), "2");
    check_obj("big floordiv neg", bin(I("-100000000000000000000000"), I("7"), NB_FLOORDIV), "-14285714285714285714286");
    check_obj("big//big", bin(I("123456789012345678901234567890123456789"), I("98765432109876543210987"), NB_FLOORDIV), "1249999988609375");
    check_obj("big%big", bin(I("123456789012345678901234567890123456789"), I("98765432109876543210987"), NB_MOD), "14063317902772253664");
    check_obj("mul", bin(I("123456789012345678901234567890"), I("-987654321098765432109876543210"), NB_MUL), "-121932631137021795226185032733622923332237463801111263526900");
    check_obj("sub", bin(I("100000000000000000000"), I("100000000000000000001"), NB_SUB), "-1");
    check_obj("small overflow add", bin(I("4611686018427387903"), MK_SMALL(1), NB_ADD), "4611686018427387904");
    check_obj("i64 overflow mul", bin(I("4611686018427387904"), I("4611686018427387904"), NB_MUL), "21267647932558653966460912964485513216");
    check_obj("lshift", bin(MK_SMALL(1), MK_SMALL(100), NB_LSHIFT), "1267650600228229401496703205376");
    check_obj("rshift neg", bin(I("-1267650600228229401496703205376"), MK_SMALL(99), NB_RSHIFT), "-2");
    check_obj("rshift neg2", bin(I("-1267650600228229401496703205377"), MK_SMALL(99), NB_RSHIFT), "-3");
    check_obj("and neg", bin(I("-12345678901234567890123"), I("98765432109876543210"), NB_AND), "1729664867975313952");
    check_obj("or neg", bin(I("-12345678901234567890123"), I("98765432109876543210"), NB_OR), "-12248643133992666660865");
    check_obj("xor", bin(I("-12345678901234567890123"), MK_SMALL(-5), NB_XOR), "12345678901234567890126");
    check_obj("invert", obj_invert(MK_SMALL(5)), "-6");
    check_obj("truediv", bin(MK_SMALL(1), MK_SMALL(3), NB_TRUEDIV), "0.3333333333333333");
    check_obj("big truediv", bin(bin(MK_SMALL(10), MK_SMALL(400), NB_POW), bin(MK_SMALL(10), MK_SMALL(399), NB_POW), NB_TRUEDIV), "10.0");
    check_obj("big truediv2", bin(bin(MK_SMALL(2), MK_SMALL(200), NB_POW), MK_SMALL(3), NB_TRUEDIV), "5.356460147529967e+59");
    check_obj("truediv ovf", bin(bin(MK_SMALL(10), MK_SMALL(400), NB_POW), MK_SMALL(1), NB_TRUEDIV), "OverflowError: integer division result too large for a float");
    check_obj("div0", bin(MK_SMALL(1), MK_SMALL(0), NB_TRUEDIV), "ZeroDivisionError: division by zero");
    check_obj("floordiv0", bin(MK_SMALL(1), MK_SMALL(0), NB_FLOORDIV), "ZeroDivisionError: integer division or modulo by zero");
    check_obj("mod0", bin(MK_SMALL(1), MK_SMALL(0), NB_MOD), "ZeroDivisionError: integer modulo by zero");
    check_obj("pow neg", bin(MK_SMALL(2), MK_SMALL(-1), NB_POW), "0.5");
    check_obj("pow3", num_pow3(MK_SMALL(2), MK_SMALL(-1), MK_SMALL(5)), "3");
    check_obj("pow3 big", num_pow3(MK_SMALL(3), I("1000000000000000000000"), I("1000000007")), "526304509");
    check_obj("int()", int_from_str("  -1_000  ", 10, 10), "-1000");
    check_obj("int(0x)", int_from_str("0x_ff", 5, 0), "255");
    check_obj("int bad", int_from_str("12a", 3, 10), "ValueError: invalid literal for int() with base 10: '12a'");
    check_obj("int big str", I("-123456789012345678901234567890"), "-123456789012345678901234567890");
    check_obj("hex", int_to_base(I("-255"), 16), "'-0xff'");
    check_obj("bin", int_to_base(MK_SMALL(10), 2), "'0b1010'");
    check_obj("int_from_double", int_from_double(1e30), "1000000000000000019884624838656");
    check_obj("int_from_double neg", int_from_double(-1.5e20), "-150000000000000000000");
    check_obj("int to float", F(int_as_double(I("123456789012345678901234567890"), NULL)), "1.2345678901234568e+29");
    check_obj("round", int_round(MK_SMALL(1250), MK_SMALL(-2)), "1200");
    check_obj("round2", int_round(MK_SMALL(1350), MK_SMALL(-2)), "1400");
    check_obj("cmp", obj_compare(I("100000000000000000000000"), MK_SMALL(5), CMP_GT), "True");
    check_obj("int==float", obj_compare(MK_SMALL(1), F(1.0), CMP_EQ), "True");
    check_obj("bigint<float", obj_compare(I("100000000000000000000000"), F(1e23), CMP_LT), "False");
    {
        intptr_t h; obj_hash(MK_SMALL(-1), &h); check_obj("hash -1", MK_SMALL(h), "-2");
        Obj *b = bin(MK_SMALL(2), MK_SMALL(61), NB_POW); obj_hash(b, &h); DECREF(b); check_obj("hash 2**61", MK_SMALL(h), "1");
        Obj *f = F(1.5); obj_hash(f, &h); DECREF(f); check_obj("hash 1.5", int_from_i64(h), "1152921504606846977");
        b = bin(MK_SMALL(-2), MK_SMALL(100), NB_POW); obj_hash(b, &h); DECREF(b); check_obj("hash 2**100", int_from_i64(h), "549755813888");
    }
    /* big str */
    {
        Obj *t = bin(MK_SMALL(10), MK_SMALL(1000), NB_POW);
        Obj *r = obj_repr(t);
        checks++;
        if (!r || str_nbytes(r) != 1001) { fails++; printf("FAIL 10**1000 repr\n"); }
        XDECREF(r); DECREF(t);
        check_obj("10**5000 str", obj_repr(bin(MK_SMALL(10), MK_SMALL(5000), NB_POW)), "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
    }
    /* sum of squares past 2**64 */
    {
        Obj *total = MK_SMALL(0);
        for (int i = 0; i < 3000000; i++) {
            Obj *sq = obj_binop(MK_SMALL(i), MK_SMALL(i), NB_MUL);
            Obj *t = obj_inplace_binop(total, sq, NB_ADD);
            DECREF(sq); DECREF(total); total = t;
        }
        check_obj("sum squares", total, "8999995500000500000");
        Obj *x = I("18446744073709551615");
        check_obj("2**64-1 + 1", bin(x, MK_SMALL(1), NB_ADD), "18446744073709551616");
    }
    /* floats */
    check_obj("0.1+0.2", bin(F(0.1), F(0.2), NB_ADD), "0.30000000000000004");
    check_obj("1e16", F(1e16), "1e+16");
    check_obj("1e-5", F(1e-5), "1e-05");
    check_obj("1.0", F(1.0), "1.0");
    check_obj("-0.0", F(-0.0), "-0.0");
    check_obj("123456789.0", F(123456789.0), "123456789.0");
    check_obj("1e15", F(1e15), "1000000000000000.0");
    check_obj("0.0001", F(0.0001), "0.0001");
    check_obj("1.5e300", F(1.5e300), "1.5e+300");
    check_obj("inf", F(1e308 * 10), "inf");
    check_obj("f/0", bin(F(1.0), MK_SMALL(0), NB_TRUEDIV), "ZeroDivisionError: float division by zero");
    check_obj("f%0", bin(F(1.0), MK_SMALL(0), NB_MOD), "ZeroDivisionError: float modulo");
    check_obj("f//0", bin(F(1.0), MK_SMALL(0), NB_FLOORDIV), "ZeroDivisionError: float floor division by zero");
    check_obj("-7.5%2", bin(F(-7.5), MK_SMALL(2), NB_MOD), "0.5");
    check_obj("int+float", bin(MK_SMALL(1), F(0.5), NB_ADD), "1.5");
    check_obj("float('1_0.5')", float_from_str("1_0.5", 5), "10.5");
    check_obj("float(' -inf ')", float_from_str(" -inf ", 6), "-inf");
    check_obj("float('x')", float_from_str("x", 1), "ValueError: could not convert string to float: 'x'");
    check_obj("round(2.5)", float_round(F(2.5), NULL), "2");
    check_obj("round(2.675,2)", float_round(F(2.675), MK_SMALL(2)), "2.67");
    check_obj("round(1234.5,-2)", float_round(F(1234.5), MK_SMALL(-2)), "1200.0");
    check_obj("2**0.5", bin(MK_SMALL(2), F(0.5), NB_POW), "1.4142135623730951");
    /* format */
    check_obj("f .2f", fmt(F(12.3456), "8.2f"), "'   12.35'");
    check_obj("i >8", fmt(MK_SMALL(42), ">8"), "'      42'");
    check_obj("i ,", fmt(MK_SMALL(1234567), ","), "'1,234,567'");
    check_obj("i _x", fmt(MK_SMALL(1234567), "_x"), "'12_d687'");
    check_obj("i 08,d", fmt(MK_SMALL(-12), "08,d"), "'-000,012'");
    check_obj("f ,.2f", fmt(F(1234.5), ",.2f"), "'1,234.50'");
    check_obj("#x", fmt(MK_SMALL(12), "#x"), "'0xc'");
    check_obj("f ''", fmt(F(1.0), ""), "'1.0'");
    check_obj("f .3", fmt(F(1.0), ".3"), "'1.0'");
    check_obj("f .3 big", fmt(F(123456.0), ".3"), "'1.23e+05'");
    check_obj("f 10", fmt(F(1.5), "10"), "'       1.5'");
    check_obj("f %", fmt(F(0.1), "%"), "'10.000000%'");
    check_obj("i f", fmt(MK_SMALL(3), "f"), "'3.000000'");
    check_obj("f ,g", fmt(F(12345678.9), ",g"), "'1.23457e+07'");
    check_obj("f =+10.2f", fmt(F(1.5), "=+10.2f"), "'+     1.50'");
    check_obj("s ^9", fmt(S("abc"), "^9"), "'   abc   '");
    check_obj("s *<6.2", fmt(S("abc"), "*<6.2"), "'ab****'");
    check_obj("c", fmt(MK_SMALL(65), "c"), "'A'");
    check_obj("bad code", fmt(MK_SMALL(1), "q"), "ValueError: Unknown format code 'q' for object of type 'int'");
    check_obj("invalid spec", fmt(MK_SMALL(1), "abc"), "ValueError: Invalid format specifier 'abc' for object of type 'int'");
    check_obj("str d", fmt(S("a"), "d"), "ValueError: Unknown format code 'd' for object of type 'str'");
    check_obj("prec int", fmt(MK_SMALL(1), ".2d"), "ValueError: Precision not allowed in integer format specifier");
    check_obj("10**20 ,", fmt(bin(MK_SMALL(10), MK_SMALL(20), NB_POW), ","), "'100,000,000,000,000,000,000'");
    check_obj("x05", fmt(S("x"), "05"), "'x0000'");
    check_obj("=10", fmt(MK_SMALL(100), "=10"), "'       100'");
    check_obj("x>5", fmt(MK_SMALL(10), "x>5"), "'xxx10'");
    check_obj(".0f", fmt(F(0.5), ".0f"), "'0'");
    check_obj("1.2e", fmt(F(1234.5678), ".2e"), "'1.23e+03'");
    check_obj("inf f", fmt(F(1e308 * 10), "10.2f"), "'       inf'");
    /* % */
    check_obj("%", pct("%5.2f|%-5d|%05d|%x|%X|%o|%e|%g|%c|%r|%s|%%|%+d|% d",
                       tuple_pack(13, F(3.14159), MK_SMALL(42), MK_SMALL(42), MK_SMALL(255), MK_SMALL(255), MK_SMALL(8), F(12345.678), F(0.0001), MK_SMALL(65), S("a"), None, MK_SMALL(5), MK_SMALL(5))),
              "\" 3.14|42   |00042|ff|FF|10|1.234568e+04|0.0001|A|'a'|None|%|+5| 5\"");
    check_obj("% notall", pct("%s", tuple_pack(2, MK_SMALL(1), MK_SMALL(2))), "TypeError: not all arguments converted during string formatting");
    check_obj("% notenough", pct("%s %s", tuple_pack(1, MK_SMALL(1))), "TypeError: not enough arguments for format string");
    check_obj("% %d str", pct("%d", S("a")), "TypeError: %d format: a real number is required, not str");
    check_obj("% single", pct("x=%s", MK_SMALL(5)), "'x=5'");
    check_obj("% *d", pct("%*d", tuple_pack(2, MK_SMALL(5), MK_SMALL(3))), "'    3'");
    check_obj("% z", pct("%z", MK_SMALL(1)), "ValueError: unsupported format character 'z' (0x7a) at index 1");
    /* str */
    check_obj("repr q", S("it's"), "\"it's\"");
    check_obj("repr both", S("it's \"x\"\n\t\\"), "'it\\'s \"x\"\\n\\t\\\\'");
    check_obj("repr uni", S("h\xc3\xa9llo\x01"), "'h\xc3\xa9llo\\x01'");
    check_obj("concat", bin(S("ab"), S("cd"), NB_ADD), "'abcd'");
    check_obj("concat err", bin(S("a"), MK_SMALL(1), NB_ADD), "TypeError: can only concatenate str (not \"int\") to str");
    check_obj("int+str", bin(MK_SMALL(1), S("a"), NB_ADD), "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    check_obj("str*int", bin(S("ab"), MK_SMALL(3), NB_MUL), "'ababab'");
    check_obj("int*str", bin(MK_SMALL(2), S("ab"), NB_MUL), "'abab'");
    check_obj("str*str", bin(S("a"), S("b"), NB_MUL), "TypeError: can't multiply sequence by non-int of type 'str'");
    check_obj("str<int", obj_compare(S("a"), MK_SMALL(1), CMP_LT), "TypeError: '<' not supported between instances of 'str' and 'int'");
    check_obj("-str", obj_neg(S("a")), "TypeError: bad operand type for unary -: 'str'");
    check_obj("idx", obj_getitem(S("h\xc3\xa9llo"), MK_SMALL(1)), "'\xc3\xa9'");
    check_obj("idx -1", obj_getitem(S("hello"), MK_SMALL(-1)), "'o'");
    check_obj("idx oor", obj_getitem(S("hello"), MK_SMALL(10)), "IndexError: string index out of range");
    check_obj("slice", obj_getitem(S("hello world"), slice_new(MK_SMALL(1), MK_SMALL(8), MK_SMALL(2))), "'el o'");
    check_obj("slice rev", obj_getitem(S("h\xc3\xa9llo"), slice_new(None, None, MK_SMALL(-1))), "'oll\xc3\xa9h'");
    check_obj("split", meth(S("  a b  c "), "split", 0, NULL, NULL), "['a', 'b', 'c']");
    check_obj("split sep", meth(S("a,b,,c"), "split", 1, S(","), NULL), "['a', 'b', '', 'c']");
    check_obj("split max", meth(S("a,b,,c"), "split", 2, S(","), MK_SMALL(1)), "['a', 'b,,c']");
    check_obj("rsplit max", meth(S("a,b,,c"), "rsplit", 2, S(","), MK_SMALL(1)), "['a,b,', 'c']");
    check_obj("join", meth(S("-"), "join", 1, meth(S("a b c"), "split", 0, NULL, NULL), NULL), "'a-b-c'");
    check_obj("strip", meth(S("  xy \n"), "strip", 0, NULL, NULL), "'xy'");
    check_obj("strip chars", meth(S("xxhixx"), "strip", 1, S("x"), NULL), "'hi'");
    check_obj("find", meth(S("h\xc3\xa9llo"), "find", 1, S("l"), NULL), "2");
    check_obj("rfind", meth(S("hello"), "rfind", 1, S("l"), NULL), "3");
    check_obj("index err", meth(S("abc"), "index", 1, S("z"), NULL), "ValueError: substring not found");
    check_obj("replace", meth(S("aaa"), "replace", 2, S("a"), S("bb")), "'bbbbbb'");
    check_obj("startswith", meth(S("hello"), "startswith", 1, tuple_pack(2, S("x"), S("he")), NULL), "True");
    check_obj("endswith", meth(S("hello"), "endswith", 1, S("lo"), NULL), "True");
    check_obj("upper", meth(S("Hello"), "upper", 0, NULL, NULL), "'HELLO'");
    check_obj("title", meth(S("hello world"), "title", 0, NULL, NULL), "'Hello World'");
    check_obj("count", meth(S("banana"), "count", 1, S("a"), NULL), "3");
    check_obj("isdigit", meth(S("123"), "isdigit", 0, NULL, NULL), "True");
    check_obj("center", meth(S("ab"), "center", 1, MK_SMALL(7), NULL), "'   ab  '");
    check_obj("zfill", meth(S("-42"), "zfill", 1, MK_SMALL(6), NULL), "'-00042'");
    check_obj("partition", meth(S("a=b=c"), "partition", 1, S("="), NULL), "('a', '=', 'b=c')");
    check_obj("splitlines", meth(S("a\nb\r\nc"), "splitlines", 0, NULL, NULL), "['a', 'b', 'c']");
    check_obj("format", meth(S("{0}-{1}-{0}"), "format", 2, MK_SMALL(1), S("x")), "'1-x-1'");
    check_obj("format spec", meth(S("{:>{}}|{!r}"), "format", 2, S("a"), MK_SMALL(3)), "IndexError: Replacement index 2 out of range for positional args tuple");
    check_obj("format auto/manual", meth(S("{}{0}"), "format", 2, MK_SMALL(1), MK_SMALL(2)), "ValueError: cannot switch from automatic field numbering to manual field specification");
    check_obj("format idx", meth(S("{0[1]}"), "format", 1, tuple_pack(2, MK_SMALL(1), MK_SMALL(2)), NULL), "'2'");
    check_obj("in", bool_from(obj_contains(S("hello"), S("ell"))), "True");
    check_obj("encode", meth(S("h\xc3\xa9"), "encode", 0, NULL, NULL), "b'h\\xc3\\xa9'");
    check_obj("bytes repr", bytes_new("a'\"\x00\xff\n", 6), "b'a\\'\"\\x00\\xff\\n'");
    check_obj("decode err", meth(bytes_new("\xff", 1), "decode", 0, NULL, NULL), "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
    check_obj("len err", (obj_len(MK_SMALL(5)) < 0 ? NULL : None), "TypeError: object of type 'int' has no len()");
    check_obj("not subscriptable", obj_getitem(MK_SMALL(5), MK_SMALL(0)), "TypeError: 'int' object is not subscriptable");
    check_obj("not callable", obj_call0(MK_SMALL(5)), "TypeError: 'int' object is not callable");
    check_obj("not iterable", obj_iter(MK_SMALL(5)), "TypeError: 'int' object is not iterable");
    check_obj("pow err", bin(MK_SMALL(1), S("a"), NB_POW), "TypeError: unsupported operand type(s) for ** or pow(): 'int' and 'str'");
    check_obj("intern", bool_from(str_intern("abc") == str_intern("abc")), "True");
    check_obj("str_fmt", str_fmt("%d %s %R %zd", 5, "x", MK_SMALL(7), (intptr_t)-3), "'5 x 7 -3'");
    printf("%d/%d checks passed\n", checks - fails, checks);
    return fails != 0;
}

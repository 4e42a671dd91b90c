/* Contract section 6: the tagged union el_foo. */
#include <math.h>

#include "check.h"

static const char* describe(const el_foo* f)
{
    static char buf[128];
    el_status s = el_foo_describe(f, buf, sizeof buf, NULL);
    return s == EL_OK ? buf : el_status_name(s);
}

int main(void)
{
    CHECK_U64(EL_FOO_BAR, 0);
    CHECK_U64(EL_FOO_BAZ, 1);
    CHECK_U64(sizeof(el_foo_tag), 4);
    CHECK_U64(sizeof(el_foo), 24);
    CHECK_U64(offsetof(el_foo, data), 8);
    CHECK_U64(sizeof(el_foo_baz), 16);

    el_foo bar = el_foo_bar_new(42);
    CHECK_U64(bar.tag, EL_FOO_BAR);
    CHECK_U64(bar.data.bar.value, 42);
    CHECK_STR(describe(&bar), "Bar(42)");
    el_foo negative = el_foo_bar_new(-2147483647 - 1);
    CHECK_STR(describe(&negative), "Bar(-2147483648)");

    el_foo baz = el_foo_baz_new(true, 1.5);
    CHECK_U64(baz.tag, EL_FOO_BAZ);
    CHECK(baz.data.baz.a == true && baz.data.baz.b == 1.5);
    CHECK_STR(describe(&baz), "Baz { a: true, b: 1.5 }");

    /* Shortest round-trip doubles, invariant culture. */
    struct { double b; const char* text; } doubles[] = {
        { 2.0, "Baz { a: false, b: 2 }" }, { 0.1, "Baz { a: false, b: 0.1 }" }, { 1e21, "Baz { a: false, b: 1E+21 }" },
        { -0.0, "Baz { a: false, b: -0 }" }, { 123456.789, "Baz { a: false, b: 123456.789 }" },
        { 1e-7, "Baz { a: false, b: 1E-07 }" },
    };
    for (size_t i = 0; i < sizeof doubles / sizeof doubles[0]; i++) {
        el_foo f = el_foo_baz_new(false, doubles[i].b);
        CHECK_STR(describe(&f), doubles[i].text);
    }
    el_foo nan = el_foo_baz_new(false, NAN);
    CHECK_STR(describe(&nan), "Baz { a: false, b: NaN }");
    el_foo ninf = el_foo_baz_new(true, -INFINITY);
    CHECK_STR(describe(&ninf), "Baz { a: true, b: -Infinity }");

    /* A struct built by C works the same. */
    el_foo by_hand;
    memset(&by_hand, 0, sizeof by_hand);
    by_hand.tag = EL_FOO_BAR;
    by_hand.data.bar.value = 7;
    CHECK_STR(describe(&by_hand), "Bar(7)");

    /* Buffer rules. */
    size_t required = 0;
    char small[4] = "abc";
    CHECK_STATUS(el_foo_describe(&bar, NULL, 0, &required), EL_ERR_BUFFER_TOO_SMALL);
    CHECK_U64(required, strlen("Bar(42)") + 1);
    CHECK_STATUS(el_foo_describe(&bar, small, sizeof small, &required), EL_ERR_BUFFER_TOO_SMALL);
    CHECK_STR(small, "abc");

    /* Unknown tag and NULL. */
    el_foo unknown = bar;
    unknown.tag = (el_foo_tag)2;
    required = 99;
    CHECK_STATUS(el_foo_describe(&unknown, small, sizeof small, &required), EL_ERR_INVALID_ARGUMENT);
    CHECK_U64(required, 99);
    unknown.tag = (el_foo_tag)-1;
    CHECK_STATUS(el_foo_describe(&unknown, small, sizeof small, &required), EL_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(el_foo_describe(NULL, small, sizeof small, &required), EL_ERR_NULL_ARGUMENT);

    return check_report("tagged_union");
}

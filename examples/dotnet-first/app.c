/* Uses MyMath, a C# library, from C: functions, a struct by value, an enum, a handle, a callback, data symbols. */
#include <stdio.h>
#include <string.h>

#include <mymath.h>

static int sum_until_big(void* user_data, double value)
{
    double* sum = (double*)user_data;
    *sum += value;
    return value > 100.0;
}

#define EXPECT(cond)                                                      \
    do {                                                                  \
        if (!(cond)) {                                                    \
            fprintf(stderr, "%s:%d: failed: %s\n", __FILE__, __LINE__, #cond); \
            return 1;                                                     \
        }                                                                 \
    } while (0)

int main(void)
{
    /* Data symbols, before any call: the constant, and the library's interface is the one this header describes. */
    EXPECT(mm_answer == 42);
    EXPECT(mm_abi_hash == MM_ABI_HASH);

    EXPECT(mm_add(2, 3) == 5);

    mm_vec2 a = { 1.0, 2.0 }, b = { 0.5, 0.25 };
    mm_vec2 sum = mm_vec2_add(a, b);
    EXPECT(sum.X == 1.5 && sum.Y == 2.25);
    /* The mutable global: C writes it, C# reads it on the next call. */
    mm_scale = 2;
    sum = mm_vec2_add(a, b);
    EXPECT(sum.X == 3.0 && sum.Y == 4.5);
    mm_scale = 1;

    /* An export of the second assembly, and a struct defined there. */
    EXPECT(mm_extra_twice(21) == 42);
    mm_range range = { 3, 10 };
    EXPECT(mm_range_width(range) == 7);

    EXPECT(mm_round(2.5, MM_ROUNDING_DOWN) == 2);
    EXPECT(mm_round(2.5, MM_ROUNDING_UP) == 3);
    EXPECT(mm_round(2.4, MM_ROUNDING_NEAREST) == 2);

    mm_accumulator* acc = mm_accumulator_new();
    EXPECT(acc != NULL);
    EXPECT(mm_accumulator_push(acc, 1.5) == 0);
    EXPECT(mm_accumulator_push(acc, 200.0) == 0);
    EXPECT(mm_accumulator_push(acc, 7.0) == 0);
    double total = 0.0;
    EXPECT(mm_accumulator_walk(acc, sum_until_big, &total) == 2);
    EXPECT(total == 201.5);
    mm_accumulator_free(acc);
    EXPECT(mm_accumulator_push(acc, 1.0) == -1);

    printf("MyMath from C: all checks passed (answer %d, ABI 0x%016llx)\n", mm_answer, (unsigned long long)mm_abi_hash);
    return 0;
}

/*
 * Soak: 1,000,000 create/use/free cycles of every handle kind (context, sub-object, event loop) and of library
 * strings, then 1,000,000 posted and consumed events, with the resident set sampled every 100,000. After warm-up
 * (the first two samples) it must stay flat: within RSS_BOUND_KIB of the warm-up sample. Prints its figures.
 */
#include <stdlib.h>

#include "check.h"
#include "rss.h"

enum { CYCLES = 1000000, SAMPLE_EVERY = 100000, SAMPLES = CYCLES / SAMPLE_EVERY, WARM_UP = 2 };
#define RSS_BOUND_KIB (8L * 1024)

static void check_flat(const char* what, const long* samples)
{
    printf("%-24s RSS (KiB) every %d:", what, SAMPLE_EVERY);
    long high = samples[WARM_UP - 1];
    for (int i = 0; i < SAMPLES; i++) {
        printf(" %ld", samples[i]);
        if (i >= WARM_UP && samples[i] > high) {
            high = samples[i];
        }
    }
    long growth = high - samples[WARM_UP - 1];
    printf("; growth after warm-up %ld KiB (bound %ld)\n", growth, RSS_BOUND_KIB);
    CHECK(samples[0] > 0);
    CHECK(growth <= RSS_BOUND_KIB);
}

int main(void)
{
    long samples[SAMPLES];
    char text[32];
    size_t required = 0;

    for (int i = 0; i < CYCLES; i++) {
        el_context* ctx = el_context_new(i % 2 ? EL_CASE_LOWER : EL_CASE_UPPER);
        CHECK(ctx != NULL);
        el_status s = i % 2 ? el_context_to_upper(ctx) : el_context_to_lower(ctx);
        el_subobject* sub = NULL;
        el_status t = el_context_subobject(ctx, (size_t)(i % 20), 3, &sub);
        el_status u = el_subobject_text(sub, text, sizeof text, &required);
        el_subobject_free(sub);
        el_context_free(ctx);

        el_event_loop* loop = NULL;
        el_status v = el_event_loop_start(&loop);
        el_status w = el_event_loop_post(loop, EL_EVENT_MESSAGE, i);
        el_event_loop_free(loop);

        char* reversed = NULL;
        el_status x = el_string_reverse("soak \xF0\x9F\x98\x80 test", &reversed);
        el_string_free(reversed);
        if (s != EL_OK || t != EL_OK || u != EL_OK || v != EL_OK || w != EL_OK || x != EL_OK || required != 4) {
            CHECK(!"a cycle failed");
            break;
        }
        if ((i + 1) % SAMPLE_EVERY == 0) {
            samples[i / SAMPLE_EVERY] = rss_kib();
        }
    }
    check_flat("handles and strings", samples);
    CHECK_U64(el_debug_live_handles(), 0);

    el_event_loop* loop = NULL;
    CHECK_STATUS(el_event_loop_start(&loop), EL_OK);
    uint64_t expected_sequence = 1;
    for (int i = 0; i < CYCLES; i += 1000) {
        for (int k = 0; k < 1000; k++) {
            if (el_event_loop_post(loop, EL_EVENT_TICK, i + k) != EL_OK) {
                CHECK(!"post failed");
            }
        }
        el_event ev;
        bool has = true;
        int consumed = 0;
        while (el_event_loop_next(loop, &ev, &has) == EL_OK && has) {
            if (ev.sequence != expected_sequence++ || ev.value != i + consumed) {
                CHECK(!"events out of order");
            }
            consumed++;
        }
        CHECK(consumed == 1000);
        if ((i + 1000) % SAMPLE_EVERY == 0) {
            samples[i / SAMPLE_EVERY] = rss_kib();
        }
    }
    el_event_loop_free(loop);
    check_flat("1M posted events", samples);
    CHECK_U64(el_debug_live_handles(), 0);

    printf("soak: %d cycles of each handle kind and string, %d events; %d checks, %d failed\n", CYCLES, CYCLES, check_count, check_failures);
    return check_failures == 0 ? 0 : 1;
}

/*
 * Thread churn: short-lived threads (8 at a time), each of which calls into the library, fails once on purpose (its
 * own last error), and exits, so the runtime attaches and detaches a thread each time. 3,000 threads warm up (the
 * managed heap grows to its working size, about 20 MB here, in the first 2,500), then 1,000 more must leave the
 * resident set flat: within RSS_BOUND_KIB. At the end no handle is live. Prints the RSS every 200 threads.
 */
#include <pthread.h>
#include <stdlib.h>

#include "check.h"
#include "rss.h"

enum { AT_ONCE = 8, WARM_UP = 3000, MEASURED = 1000, SAMPLE_EVERY = 200 };
#define RSS_BOUND_KIB 1024L

static void* worker(void* arg)
{
    int* failed = (int*)arg;
    el_context* ctx = el_context_new(EL_CASE_LOWER);
    el_event_loop* loop = NULL;
    char* reversed = NULL;
    if (ctx == NULL || el_context_to_upper(ctx) != EL_OK || el_event_loop_start(&loop) != EL_OK
        || el_event_loop_post(loop, EL_EVENT_QUIT, 7) != EL_OK || el_string_reverse("churn", &reversed) != EL_OK) {
        *failed = 1;
    }
    /* This thread's own failure, seen only by this thread. */
    if (el_context_to_upper(NULL) != EL_ERR_NULL_ARGUMENT || el_last_error_status() != EL_ERR_NULL_ARGUMENT) {
        *failed = 1;
    }
    el_string_free(reversed);
    el_event_loop_free(loop);
    el_context_free(ctx);
    return NULL;
}

int main(void)
{
    long after_warm_up = 0, high = 0;
    int failures[AT_ONCE];
    printf("thread churn, RSS (KiB) every %d threads:", SAMPLE_EVERY);
    for (int done = 0; done < WARM_UP + MEASURED; done += AT_ONCE) {
        pthread_t threads[AT_ONCE];
        for (int k = 0; k < AT_ONCE; k++) {
            failures[k] = 0;
            CHECK(pthread_create(&threads[k], NULL, worker, &failures[k]) == 0);
        }
        for (int k = 0; k < AT_ONCE; k++) {
            CHECK(pthread_join(threads[k], NULL) == 0);
            CHECK(failures[k] == 0);
        }
        int now = done + AT_ONCE;
        if (now % SAMPLE_EVERY == 0) {
            long rss = rss_kib();
            printf(" %ld", rss);
            if (now == WARM_UP) {
                after_warm_up = rss;
            } else if (now > WARM_UP && rss > high) {
                high = rss;
            }
        }
    }
    printf("\n");
    /* The main thread never failed: the workers' last errors stayed on their threads. */
    CHECK_STATUS(el_last_error_status(), EL_OK);
    CHECK_U64(el_debug_live_handles(), 0);
    CHECK(after_warm_up > 0 && high > 0);
    CHECK(high - after_warm_up <= RSS_BOUND_KIB);
    printf("thread churn: %d threads; RSS %ld KiB after %d, at most %ld KiB over the last %d (growth %ld, bound %ld); %d checks, %d failed\n",
           WARM_UP + MEASURED, after_warm_up, WARM_UP, high, MEASURED, high - after_warm_up, RSS_BOUND_KIB, check_count, check_failures);
    return check_failures == 0 ? 0 : 1;
}

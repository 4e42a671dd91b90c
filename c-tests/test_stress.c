/* Stress: 4 threads x 10,000 create / use / free cycles over every handle kind, one context shared by all threads,
   and concurrent posting to one event loop. Ends with no live handle and nothing lost. */
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>

#include "check.h"

enum { THREADS = 4, CYCLES = 10000, POSTS = 10000 };

static el_context* shared_ctx;
static el_event_loop* shared_loop;
static int failures[THREADS];
static atomic_int finished;

static void* worker(void* arg)
{
    int id = (int)(intptr_t)arg;
    char buf[64];
    for (int i = 0; i < CYCLES; i++) {
        el_context* ctx = NULL;
        if (el_context_create((i & 1) ? EL_CASE_UPPER : EL_CASE_LOWER, &ctx) != EL_OK) { failures[id]++; continue; }
        bool upper = false;
        if (el_context_to_upper(ctx) != EL_OK || el_context_is_upper(ctx, &upper) != EL_OK || !upper) failures[id]++;
        el_subobject* sub = NULL;
        if (el_context_subobject(ctx, (size_t)(i % 20), 3, &sub) != EL_OK) failures[id]++;
        if (el_context_to_lower(ctx) != EL_ERR_BORROWED) failures[id]++;
        if (el_subobject_text(sub, buf, sizeof buf, NULL) != EL_OK || strlen(buf) != 3) failures[id]++;
        if ((i % 3) == 0) el_subobject_free(sub); /* otherwise freeing the parent invalidates it */
        el_context_free(ctx);
        if (el_context_to_upper(ctx) != EL_ERR_INVALID_HANDLE) failures[id]++;

        char* reversed = NULL;
        if (el_string_reverse("abc", &reversed) != EL_OK || strcmp(reversed, "cba") != 0) failures[id]++;
        el_string_free(reversed);

        el_event_loop* loop = NULL;
        if (el_event_loop_start(&loop) != EL_OK) failures[id]++;
        el_event_loop_post(loop, EL_EVENT_TICK, i);
        el_event ev;
        bool has = false;
        if (el_event_loop_next(loop, &ev, &has) != EL_OK || !has || ev.value != i) failures[id]++;
        el_event_loop_free(loop);

        /* Concurrent calls on one shared handle. */
        bool lower = false;
        if (el_context_is_lower(shared_ctx, &lower) != EL_OK) failures[id]++;
        if (el_context_text(shared_ctx, buf, sizeof buf, NULL) != EL_OK) failures[id]++;
    }
    for (int i = 0; i < POSTS; i++) {
        if (el_event_loop_post(shared_loop, EL_EVENT_MESSAGE, 1) != EL_OK) failures[id]++;
    }
    atomic_fetch_add(&finished, 1);
    return NULL;
}

int main(void)
{
    shared_ctx = el_context_new(EL_CASE_LOWER);
    CHECK_STATUS(el_event_loop_start(&shared_loop), EL_OK);
    pthread_t threads[THREADS];
    for (int t = 0; t < THREADS; t++) CHECK(pthread_create(&threads[t], NULL, worker, (void*)(intptr_t)t) == 0);

    /* The owner drains while the others post, until every poster has finished and the queue is empty (no round
       limit: under valgrind the posters may not run at all for a long while). */
    long long received = 0;
    uint64_t last = 0;
    int ordered = 1;
    for (;;) {
        int done = atomic_load(&finished) == THREADS;
        el_event ev;
        bool has = false;
        if (el_event_loop_next(shared_loop, &ev, &has) != EL_OK) break;
        if (has) {
            if (ev.sequence <= last) ordered = 0;
            last = ev.sequence;
            received += ev.value;
        } else if (done) {
            break;
        } else {
            sched_yield();
        }
    }
    for (int t = 0; t < THREADS; t++) CHECK(pthread_join(threads[t], NULL) == 0);
    for (int t = 0; t < THREADS; t++) CHECK_U64(failures[t], 0);
    CHECK_U64(received, (long long)THREADS * POSTS);
    CHECK(ordered);

    el_context_free(shared_ctx);
    el_event_loop_free(shared_loop);
    size_t live = el_debug_live_handles();
    printf("live handles at the end: %zu\n", live);
    CHECK_U64(live, 0);
    return check_report("stress");
}

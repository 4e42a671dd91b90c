/* Contract section 8: the single-threaded event loop: FIFO, owner thread, drain semantics, posting from threads. */
#include <pthread.h>

#include "check.h"

struct other_thread_result {
    el_event_loop* loop;
    el_status next;
    el_status drain;
    el_status post;
    bool has_event_touched;
};

static int32_t count_all(void* user_data, const el_event* ev)
{
    (void)ev;
    (*(int*)user_data)++;
    return 0;
}

static void* from_other_thread(void* arg)
{
    struct other_thread_result* r = (struct other_thread_result*)arg;
    el_event ev;
    bool has_event = false;
    int count = 0;
    r->next = el_event_loop_next(r->loop, &ev, &has_event);
    r->has_event_touched = has_event;
    r->drain = el_event_loop_drain(r->loop, count_all, &count, NULL);
    r->post = el_event_loop_post(r->loop, EL_EVENT_MESSAGE, 99);
    return NULL;
}

struct recorder {
    uint64_t sequences[64];
    int64_t values[64];
    int count;
    int stop_at_value;
    el_event_loop* loop;
    int post_during;
    int take_during;
};

static int32_t record(void* user_data, const el_event* ev)
{
    struct recorder* r = (struct recorder*)user_data;
    r->sequences[r->count] = ev->sequence;
    r->values[r->count] = ev->value;
    r->count++;
    if (r->post_during) {
        el_event_loop_post(r->loop, EL_EVENT_TICK, 1000 + ev->value); /* re-entrant: posted now, stays queued */
    }
    if (r->take_during) {
        el_event taken;
        bool has = false;
        el_event_loop_next(r->loop, &taken, &has); /* takes the next event: it is not visited again */
        r->take_during = 0;
    }
    return ev->value == r->stop_at_value ? 1 : 0;
}

static void* poster(void* arg)
{
    el_event_loop* loop = (el_event_loop*)arg;
    for (int i = 0; i < 1000; i++) {
        el_event_loop_post(loop, EL_EVENT_MESSAGE, i);
    }
    return NULL;
}

int main(void)
{
    CHECK_U64(EL_EVENT_TICK, 0);
    CHECK_U64(EL_EVENT_MESSAGE, 1);
    CHECK_U64(EL_EVENT_QUIT, 2);
    size_t live_at_start = el_debug_live_handles();

    el_event_loop* loop = NULL;
    CHECK_STATUS(el_event_loop_start(&loop), EL_OK);
    CHECK(loop != NULL);

    /* FIFO with sequences from 1 in posting order; the iterator ends with has_event false and *out unchanged. */
    CHECK_STATUS(el_event_loop_post(loop, EL_EVENT_TICK, 10), EL_OK);
    CHECK_STATUS(el_event_loop_post(loop, EL_EVENT_MESSAGE, -20), EL_OK);
    CHECK_STATUS(el_event_loop_post(loop, EL_EVENT_QUIT, 30), EL_OK);
    el_event ev;
    bool has_event = false;
    const el_event_kind kinds[] = { EL_EVENT_TICK, EL_EVENT_MESSAGE, EL_EVENT_QUIT };
    const int64_t values[] = { 10, -20, 30 };
    for (int i = 0; i < 3; i++) {
        CHECK_STATUS(el_event_loop_next(loop, &ev, &has_event), EL_OK);
        CHECK(has_event);
        CHECK_U64(ev.kind, kinds[i]);
        CHECK_U64(ev.sequence, (uint64_t)i + 1);
        CHECK(ev.value == values[i]);
    }
    memset(&ev, 0xAB, sizeof ev);
    el_event before = ev;
    CHECK_STATUS(el_event_loop_next(loop, &ev, &has_event), EL_OK);
    CHECK(!has_event);
    CHECK(memcmp(&ev, &before, sizeof ev) == 0);

    /* Unknown kinds are refused. */
    CHECK_STATUS(el_event_loop_post(loop, (el_event_kind)3, 0), EL_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(el_event_loop_post(loop, (el_event_kind)-1, 0), EL_ERR_INVALID_ARGUMENT);

    /* Drain: every event queued at the start, in order. */
    struct recorder r;
    memset(&r, 0, sizeof r);
    r.loop = loop;
    r.stop_at_value = -1;
    for (int i = 1; i <= 5; i++) el_event_loop_post(loop, EL_EVENT_MESSAGE, i);
    size_t visited = 0;
    CHECK_STATUS(el_event_loop_drain(loop, record, &r, &visited), EL_OK);
    CHECK_U64(visited, 5);
    CHECK_U64(r.count, 5);
    CHECK_U64(r.sequences[0], 4);
    CHECK_U64(r.sequences[4], 8);
    CHECK_STATUS(el_event_loop_drain(loop, record, &r, NULL), EL_OK); /* visited may be NULL; nothing left */
    CHECK_U64(r.count, 5);

    /* Stop after the first non-zero result: that event is consumed and counted; the rest stay queued. */
    memset(&r, 0, sizeof r);
    r.loop = loop;
    r.stop_at_value = 3;
    for (int i = 1; i <= 5; i++) el_event_loop_post(loop, EL_EVENT_MESSAGE, i);
    CHECK_STATUS(el_event_loop_drain(loop, record, &r, &visited), EL_OK);
    CHECK_U64(visited, 3);
    CHECK_STATUS(el_event_loop_next(loop, &ev, &has_event), EL_OK);
    CHECK(has_event && ev.value == 4);
    CHECK_STATUS(el_event_loop_next(loop, &ev, &has_event), EL_OK);
    CHECK(has_event && ev.value == 5);
    CHECK_STATUS(el_event_loop_next(loop, &ev, &has_event), EL_OK);
    CHECK(!has_event);

    /* Events posted during the drain stay queued; events the callback takes itself are not visited again. */
    memset(&r, 0, sizeof r);
    r.loop = loop;
    r.stop_at_value = -1;
    r.post_during = 1;
    r.take_during = 1;
    for (int i = 1; i <= 4; i++) el_event_loop_post(loop, EL_EVENT_MESSAGE, i);
    CHECK_STATUS(el_event_loop_drain(loop, record, &r, &visited), EL_OK);
    CHECK_U64(visited, 3); /* 1 visited, 2 taken by the callback, 3 and 4 visited */
    CHECK(r.values[0] == 1 && r.values[1] == 3 && r.values[2] == 4);
    int left = 0;
    while (el_event_loop_next(loop, &ev, &has_event) == EL_OK && has_event) {
        CHECK(ev.value >= 1000);
        left++;
    }
    CHECK_U64(left, 3);

    /* Another thread may post but not take. */
    el_event_loop_post(loop, EL_EVENT_TICK, 5);
    struct other_thread_result other = { loop, EL_OK, EL_OK, EL_ERR_INTERNAL, false };
    pthread_t thread;
    CHECK(pthread_create(&thread, NULL, from_other_thread, &other) == 0);
    CHECK(pthread_join(thread, NULL) == 0);
    CHECK_STATUS(other.next, EL_ERR_WRONG_THREAD);
    CHECK_STATUS(other.drain, EL_ERR_WRONG_THREAD);
    CHECK_STATUS(other.post, EL_OK);
    CHECK(!other.has_event_touched);
    CHECK_STATUS(el_event_loop_next(loop, &ev, &has_event), EL_OK); /* nothing was dequeued over there */
    CHECK(has_event && ev.value == 5);
    CHECK_STATUS(el_event_loop_next(loop, &ev, &has_event), EL_OK);
    CHECK(has_event && ev.value == 99);

    /* Concurrent posting from four threads: every event arrives once, sequences strictly increasing. */
    pthread_t posters[4];
    for (int i = 0; i < 4; i++) CHECK(pthread_create(&posters[i], NULL, poster, loop) == 0);
    for (int i = 0; i < 4; i++) CHECK(pthread_join(posters[i], NULL) == 0);
    int received = 0;
    uint64_t last = 0;
    long long sum = 0;
    while (el_event_loop_next(loop, &ev, &has_event) == EL_OK && has_event) {
        CHECK(ev.sequence > last);
        last = ev.sequence;
        sum += ev.value;
        received++;
    }
    CHECK_U64(received, 4000);
    CHECK_U64(sum, 4LL * 999 * 1000 / 2);

    /* Freeing from another thread is allowed; afterwards the handle is invalid. */
    el_event_loop* second = NULL;
    CHECK_STATUS(el_event_loop_start(&second), EL_OK);
    el_event_loop_free(loop);
    CHECK_STATUS(el_event_loop_post(loop, EL_EVENT_TICK, 0), EL_ERR_INVALID_HANDLE);
    CHECK_STATUS(el_event_loop_next(loop, &ev, &has_event), EL_ERR_INVALID_HANDLE);
    el_clear_last_error();
    el_event_loop_free(loop);
    CHECK_U64(el_last_error_status(), EL_ERR_INVALID_HANDLE);
    el_event_loop_free(second);

    CHECK_U64(el_debug_live_handles(), live_at_start);
    return check_report("event_loop");
}

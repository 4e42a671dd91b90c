/* Contract section 9: the log callback, the debug flag's reports, el_map_i32, re-entrancy. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "check.h"

struct log_record {
    int warn;
    int debug;
    int other;
    char last[512];
    el_log_level last_level;
    int utf8_ok;
};

static void log_to(void* user_data, el_log_level level, const char* message)
{
    struct log_record* r = (struct log_record*)user_data;
    if (level == EL_LOG_WARN) r->warn++;
    else if (level == EL_LOG_DEBUG) r->debug++;
    else r->other++;
    r->last_level = level;
    snprintf(r->last, sizeof r->last, "%s", message);
    if (!check_is_utf8((const unsigned char*)message, strlen(message))) r->utf8_ok = 0;
}

/* A callback that calls back into the library, including a failing call. */
static int reentered;
static void log_reentrant(void* user_data, el_log_level level, const char* message)
{
    (void)level;
    (void)message;
    struct log_record* r = (struct log_record*)user_data;
    r->warn++;
    if (!reentered) {
        reentered = 1;
        el_type_layout layout;
        el_abi_type_layout("still_no_such_type", &layout); /* fails, logs again, re-enters once more */
        char buf[64];
        el_alphabet_write(EL_CASE_LOWER, buf, sizeof buf, NULL);
    }
}

/* A callback that replaces itself from inside its own call. */
static void log_replaces_itself(void* user_data, el_log_level level, const char* message)
{
    (void)level;
    (void)message;
    (*(int*)user_data)++;
    el_set_log_callback(NULL, NULL);
}

/* Wrapping arithmetic, as two's complement does it (signed overflow would be undefined in C). */
static int32_t twice_plus(void* user_data, int32_t x)
{
    return (int32_t)(2u * (uint32_t)x + (uint32_t)*(int32_t*)user_data);
}

static int32_t reenter_map(void* user_data, int32_t x)
{
    (void)user_data;
    /* Re-entrancy: map inside map. */
    int32_t in = x, out = 0, add = 1;
    if (el_map_i32(&in, &out, 1, twice_plus, &add) != EL_OK) return -1;
    return out;
}

struct swap_thread {
    atomic_int stop;
    atomic_int calls;
};

static void* failing_loop(void* arg)
{
    struct swap_thread* t = (struct swap_thread*)arg;
    while (!atomic_load(&t->stop)) {
        el_type_layout layout;
        el_abi_type_layout(NULL, &layout);
        atomic_fetch_add(&t->calls, 1);
    }
    return NULL;
}

int main(void)
{
    CHECK_U64(EL_LOG_TRACE, 0);
    CHECK_U64(EL_LOG_DEBUG, 1);
    CHECK_U64(EL_LOG_INFO, 2);
    CHECK_U64(EL_LOG_WARN, 3);
    CHECK_U64(EL_LOG_ERROR, 4);

    /* Every failure is reported at WARN; successes and size queries are not. */
    struct log_record r;
    memset(&r, 0, sizeof r);
    r.utf8_ok = 1;
    CHECK_STATUS(el_set_log_callback(log_to, &r), EL_OK);
    el_type_layout layout;
    CHECK_STATUS(el_abi_type_layout("no_such_type", &layout), EL_ERR_INVALID_ARGUMENT);
    CHECK_U64(r.warn, 1);
    CHECK_U64(r.debug, 0);
    CHECK(strstr(r.last, "no_such_type") != NULL);
    CHECK(strstr(r.last, "EL_ERR_INVALID_ARGUMENT") != NULL);
    size_t required;
    CHECK_STATUS(el_alphabet_write(EL_CASE_LOWER, NULL, 0, &required), EL_ERR_BUFFER_TOO_SMALL);
    CHECK(el_version() != 0);
    CHECK_U64(r.warn, 1);

    /* Debug on: each failure is reported at DEBUG as well. */
    el_set_debug(true);
    CHECK_STATUS(el_abi_type_layout(NULL, &layout), EL_ERR_NULL_ARGUMENT);
    CHECK_U64(r.warn, 2);
    CHECK_U64(r.debug, 1);
    el_set_debug(false);
    CHECK_STATUS(el_abi_type_layout(NULL, &layout), EL_ERR_NULL_ARGUMENT);
    CHECK_U64(r.debug, 1);

    /* Messages are valid UTF-8 even for invalid input. */
    CHECK_STATUS(el_abi_type_layout("\xC3\x28\xff", &layout), EL_ERR_INVALID_ARGUMENT);
    CHECK(r.utf8_ok);

    /* NULL turns logging off. */
    CHECK_STATUS(el_set_log_callback(NULL, NULL), EL_OK);
    int warn_before = r.warn;
    el_abi_type_layout(NULL, &layout);
    CHECK_U64(r.warn, warn_before);

    /* A callback that re-enters the library, even failing again, neither deadlocks nor loses the error. */
    struct log_record re;
    memset(&re, 0, sizeof re);
    CHECK_STATUS(el_set_log_callback(log_reentrant, &re), EL_OK);
    CHECK_STATUS(el_abi_type_layout("first", &layout), EL_ERR_INVALID_ARGUMENT);
    CHECK_U64(re.warn, 2);
    CHECK_U64(el_last_error_status(), EL_ERR_INVALID_ARGUMENT);
    CHECK(strstr(check_last_message(), "first") != NULL);

    /* A callback may replace itself from inside its call. */
    int self_calls = 0;
    CHECK_STATUS(el_set_log_callback(log_replaces_itself, &self_calls), EL_OK);
    el_abi_type_layout(NULL, &layout);
    el_abi_type_layout(NULL, &layout);
    CHECK_U64(self_calls, 1);

    /* Replacing while another thread logs: after the setter returns, the old callback is never called. */
    struct log_record* heap = (struct log_record*)calloc(1, sizeof *heap);
    heap->utf8_ok = 1;
    CHECK_STATUS(el_set_log_callback(log_to, heap), EL_OK);
    struct swap_thread t;
    atomic_init(&t.stop, 0);
    atomic_init(&t.calls, 0);
    pthread_t thread;
    CHECK(pthread_create(&thread, NULL, failing_loop, &t) == 0);
    while (atomic_load(&t.calls) == 0) {
        /* the swaps below must overlap the other thread's logging */
    }
    int calls_before = atomic_load(&t.calls);
    for (int i = 0; i < 2000 || atomic_load(&t.calls) < calls_before + 1000; i++) {
        struct log_record* next = (struct log_record*)calloc(1, sizeof *next);
        next->utf8_ok = 1;
        CHECK_STATUS(el_set_log_callback(log_to, next), EL_OK);
        memset(heap, 0x5A, sizeof *heap); /* poison: a late call would write into freed memory under ASan */
        free(heap);
        heap = next;
    }
    atomic_store(&t.stop, 1);
    CHECK(pthread_join(thread, NULL) == 0);
    CHECK_STATUS(el_set_log_callback(NULL, NULL), EL_OK);
    free(heap);
    CHECK(atomic_load(&t.calls) >= calls_before + 1000);

    /* el_map_i32 in order, in place, empty, re-entrant. */
    int32_t in[5] = { 1, 2, 3, -4, 2147483647 };
    int32_t out[5] = { 0 };
    int32_t add = 10;
    CHECK_STATUS(el_map_i32(in, out, 5, twice_plus, &add), EL_OK);
    CHECK(out[0] == 12 && out[1] == 14 && out[2] == 16 && out[3] == 2);
    CHECK_STATUS(el_map_i32(in, in, 5, twice_plus, &add), EL_OK);
    CHECK(in[0] == 12 && in[3] == 2);
    CHECK_STATUS(el_map_i32(NULL, NULL, 0, twice_plus, &add), EL_OK);
    CHECK_STATUS(el_map_i32(NULL, out, 1, twice_plus, &add), EL_ERR_NULL_ARGUMENT);
    CHECK_STATUS(el_map_i32(in, NULL, 1, twice_plus, &add), EL_ERR_NULL_ARGUMENT);
    CHECK_STATUS(el_map_i32(in, out, 1, NULL, &add), EL_ERR_NULL_ARGUMENT);
    CHECK_STATUS(el_map_i32(NULL, NULL, 0, NULL, NULL), EL_ERR_NULL_ARGUMENT);
    int32_t src[3] = { 5, 6, 7 }, dst[3] = { 0 };
    CHECK_STATUS(el_map_i32(src, dst, 3, reenter_map, NULL), EL_OK);
    CHECK(dst[0] == 11 && dst[1] == 13 && dst[2] == 15);

    return check_report("callbacks");
}

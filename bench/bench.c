/* What crossing into ExportLib costs, against plain C doing the same work in the same process.
   Every case runs ours and C back to back, alternating which goes first, for several rounds; the report uses medians.
   Usage: bench <variant> <out.csv> [rounds]     (variant: shared or static, only used to label the rows) */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "timing.h"

#include "baseline.h"

typedef unsigned long (*zlib_crc32_fn)(unsigned long crc, const unsigned char* buf, unsigned int len);
typedef uint64_t (*xxh3_fn)(const void* data, size_t len, uint64_t seed);

static zlib_crc32_fn zlib_crc32;
static xxh3_fn xxh3_with_seed;
static volatile uint64_t sink;


/* ---- the data the cases work on ---- */

enum { MIB = 1 << 20 };
static uint8_t* bulk;
static char utf8_text[1025];
static size_t utf8_len;
static uint16_t utf16_out[2048];
static el_context* shared_ctx;
static c_context* shared_c_ctx;
static int32_t map_in[1024], map_out[1024];

static int32_t add_one(void* user_data, int32_t x)
{
    (void)user_data;
    return x + 1;
}

/* ---- the cases: each runs n iterations of the same work ---- */

static void ours_noop(size_t n) { for (size_t i = 0; i < n; i++) el_debug_noop(); }
static void c_noop_loop(size_t n) { for (size_t i = 0; i < n; i++) c_noop(); }

static void ours_rgba(size_t n)
{
    uint64_t acc = 0;
    for (size_t i = 0; i < n; i++) {
        el_rgba c = { (uint8_t)i, (uint8_t)(i >> 8), 7, 255 };
        acc += el_rgba_pack(c);
    }
    sink = acc;
}
static void c_rgba(size_t n)
{
    uint64_t acc = 0;
    for (size_t i = 0; i < n; i++) {
        el_rgba c = { (uint8_t)i, (uint8_t)(i >> 8), 7, 255 };
        acc += c_rgba_pack(c);
    }
    sink = acc;
}

static void ours_point(size_t n)
{
    double acc = 0;
    el_point p = { 1.5, -2.0 };
    for (size_t i = 0; i < n; i++) {
        el_point q = el_point_scale(p, (double)i);
        acc += q.x + q.y;
    }
    sink = (uint64_t)acc;
}
static void c_point(size_t n)
{
    double acc = 0;
    el_point p = { 1.5, -2.0 };
    for (size_t i = 0; i < n; i++) {
        el_point q = c_point_scale(p, (double)i);
        acc += q.x + q.y;
    }
    sink = (uint64_t)acc;
}

static void ours_example(size_t n)
{
    uint64_t acc = 0;
    el_example e = { true, 1, 2, 3, 4 };
    for (size_t i = 0; i < n; i++) {
        e.long_value = i;
        acc += el_example_sum(&e);
    }
    sink = acc;
}
static void c_example(size_t n)
{
    uint64_t acc = 0;
    el_example e = { true, 1, 2, 3, 4 };
    for (size_t i = 0; i < n; i++) {
        e.long_value = i;
        acc += c_example_sum(&e);
    }
    sink = acc;
}

static void ours_is_upper(size_t n)
{
    uint64_t acc = 0;
    for (size_t i = 0; i < n; i++) {
        bool b = false;
        el_context_is_upper(shared_ctx, &b);
        acc += b;
    }
    sink = acc;
}
static void c_is_upper(size_t n)
{
    uint64_t acc = 0;
    for (size_t i = 0; i < n; i++) {
        bool b = false;
        c_context_is_upper(shared_c_ctx, &b);
        acc += b;
    }
    sink = acc;
}

static void ours_lifecycle(size_t n)
{
    for (size_t i = 0; i < n; i++) {
        el_context* ctx = NULL;
        el_context_create(EL_CASE_LOWER, &ctx);
        el_context_to_upper(ctx);
        el_context_free(ctx);
    }
}
static void c_lifecycle(size_t n)
{
    for (size_t i = 0; i < n; i++) {
        c_context* ctx = c_context_create(EL_CASE_LOWER);
        c_context_to_upper(ctx);
        c_context_free(ctx);
    }
}

static void ours_map(size_t n) { for (size_t i = 0; i < n; i++) el_map_i32(map_in, map_out, 1024, add_one, NULL); sink = (uint64_t)map_out[5]; }
static void c_map(size_t n) { for (size_t i = 0; i < n; i++) c_map_i32(map_in, map_out, 1024, add_one, NULL); sink = (uint64_t)map_out[5]; }

static void ours_text(size_t n)
{
    char buf[64];
    for (size_t i = 0; i < n; i++) el_context_text(shared_ctx, buf, sizeof buf, NULL);
    sink = (uint64_t)buf[3];
}
static void c_text(size_t n)
{
    char buf[64];
    for (size_t i = 0; i < n; i++) c_context_text(shared_c_ctx, buf, sizeof buf, NULL);
    sink = (uint64_t)buf[3];
}

static void ours_utf16(size_t n)
{
    size_t required = 0;
    for (size_t i = 0; i < n; i++) el_utf8_to_utf16(utf8_text, utf8_len, utf16_out, 2048, &required);
    sink = required;
}
static void c_utf16(size_t n)
{
    size_t required = 0;
    for (size_t i = 0; i < n; i++) c_utf8_to_utf16(utf8_text, utf8_len, utf16_out, 2048, &required);
    sink = required;
}

#define BULK_CASE(name, size)                                                                                     \
    static void ours_crc_##name(size_t n) { uint64_t a = 0; for (size_t i = 0; i < n; i++) a += el_crc32(0, bulk, size); sink = a; } \
    static void c_crc_##name(size_t n) { uint64_t a = 0; for (size_t i = 0; i < n; i++) a += zlib_crc32(0, bulk, size); sink = a; } \
    static void ours_xxh_##name(size_t n) { uint64_t a = 0; for (size_t i = 0; i < n; i++) a += el_xxh3_64(bulk, size, 7); sink = a; } \
    static void c_xxh_##name(size_t n) { uint64_t a = 0; for (size_t i = 0; i < n; i++) a += xxh3_with_seed(bulk, size, 7); sink = a; }
BULK_CASE(1k, 1024)
BULK_CASE(64k, 65536)
BULK_CASE(1m, MIB)

/* 1 MiB as 1024 chained 1 KiB blocks: each block continues the previous block's CRC. */
static void ours_crc_chained(size_t n)
{
    uint32_t crc = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t b = 0; b < 1024; b++) crc = el_crc32(crc, bulk + b * 1024, 1024);
    sink = crc;
}
static void c_crc_chained(size_t n)
{
    unsigned long crc = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t b = 0; b < 1024; b++) crc = zlib_crc32(crc, bulk + b * 1024, 1024);
    sink = crc;
}

typedef struct {
    const char* name;
    const char* unit;  /* what the reported time is per */
    double per;        /* units per iteration (elements, blocks) */
    size_t iterations; /* per batch */
    void (*ours)(size_t);
    void (*c)(size_t);
    double* ours_samples;
    double* c_samples;
} bench_case;

static bench_case cases[] = {
    { "empty export (el_debug_noop)", "call", 1, 2000000, ours_noop, c_noop_loop, NULL, NULL },
    { "el_rgba_pack", "call", 1, 2000000, ours_rgba, c_rgba, NULL, NULL },
    { "el_point_scale", "call", 1, 2000000, ours_point, c_point, NULL, NULL },
    { "el_example_sum", "call", 1, 2000000, ours_example, c_example, NULL, NULL },
    { "el_context_is_upper (validated handle)", "call", 1, 2000000, ours_is_upper, c_is_upper, NULL, NULL },
    { "create + to_upper + free", "cycle", 1, 200000, ours_lifecycle, c_lifecycle, NULL, NULL },
    { "el_map_i32 (n = 1024)", "element", 1024, 2000, ours_map, c_map, NULL, NULL },
    { "el_context_text (27 B)", "call", 1, 1000000, ours_text, c_text, NULL, NULL },
    { "el_utf8_to_utf16 (1 KiB)", "call", 1, 20000, ours_utf16, c_utf16, NULL, NULL },
    { "el_crc32 (1 KiB)", "call", 1, 20000, ours_crc_1k, c_crc_1k, NULL, NULL },
    { "el_crc32 (64 KiB)", "call", 1, 300, ours_crc_64k, c_crc_64k, NULL, NULL },
    { "el_crc32 (1 MiB)", "call", 1, 20, ours_crc_1m, c_crc_1m, NULL, NULL },
    { "el_crc32 chained (1 KiB blocks)", "block", 1024, 20, ours_crc_chained, c_crc_chained, NULL, NULL },
    { "el_xxh3_64 (1 KiB)", "call", 1, 50000, ours_xxh_1k, c_xxh_1k, NULL, NULL },
    { "el_xxh3_64 (64 KiB)", "call", 1, 1000, ours_xxh_64k, c_xxh_64k, NULL, NULL },
    { "el_xxh3_64 (1 MiB)", "call", 1, 60, ours_xxh_1m, c_xxh_1m, NULL, NULL },
};
enum { CASES = sizeof cases / sizeof cases[0] };

static double time_batch(void (*fn)(size_t), size_t n, double per)
{
    double start = now_ns();
    fn(n);
    return (now_ns() - start) / (double)n / per;
}

static int compare_doubles(const void* a, const void* b)
{
    double x = *(const double*)a, y = *(const double*)b;
    return x < y ? -1 : x > y;
}

static double median(double* values, int count)
{
    qsort(values, (size_t)count, sizeof *values, compare_doubles);
    return count % 2 ? values[count / 2] : (values[count / 2 - 1] + values[count / 2]) / 2;
}

/* ---- the first call on a new thread ---- */

typedef struct {
    double first_ns;
    double second_ns;
    int use_c;
} thread_sample;

static void* first_call_thread(void* arg)
{
    thread_sample* s = (thread_sample*)arg;
    double t0 = now_ns();
    if (s->use_c) c_noop(); else el_debug_noop();
    double t1 = now_ns();
    if (s->use_c) c_noop(); else el_debug_noop();
    double t2 = now_ns();
    s->first_ns = t1 - t0;
    s->second_ns = t2 - t1;
    return NULL;
}

int main(int argc, char** argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s <variant> <out.csv> [rounds]\n", argv[0]);
        return 2;
    }
    const char* variant = argv[1];
    int rounds = argc > 3 ? atoi(argv[3]) : 21;
    if (rounds < 1) rounds = 1;

    /* The process's first call starts the runtime. */
    long rss_before = rss_kb();
    double t0 = now_ns();
    el_debug_noop();
    double first_call = now_ns() - t0;
    long rss_after = rss_kb();

    void* zlib = dlopen("libz.so.1", RTLD_NOW | RTLD_LOCAL);
    void* xxhash = dlopen("libxxhash.so.0", RTLD_NOW | RTLD_LOCAL);
    if (zlib == NULL || xxhash == NULL) {
        fprintf(stderr, "the reference libraries are missing (zlib1g, libxxhash0): %s\n", dlerror());
        return 1;
    }
    *(void**)&zlib_crc32 = dlsym(zlib, "crc32");
    *(void**)&xxh3_with_seed = dlsym(xxhash, "XXH3_64bits_withSeed");

    bulk = (uint8_t*)malloc(MIB);
    uint64_t x = 88172645463325252ull;
    for (size_t i = 0; i < MIB; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        bulk[i] = (uint8_t)x;
    }
    const char* phrase = "Hello, w\xC3\xB6rld \xE2\x80\x94 na\xC3\xAFve caf\xC3\xA9 \xE2\x82\xAC" "100. ";
    while (utf8_len + strlen(phrase) <= 1024) {
        memcpy(utf8_text + utf8_len, phrase, strlen(phrase));
        utf8_len += strlen(phrase);
    }
    while (utf8_len < 1024) utf8_text[utf8_len++] = 'x';
    for (int i = 0; i < 1024; i++) map_in[i] = i;
    el_context_create(EL_CASE_UPPER, &shared_ctx);
    shared_c_ctx = c_context_create(EL_CASE_UPPER);

    /* Sanity: both sides compute the same thing. */
    if (el_crc32(0, bulk, MIB) != zlib_crc32(0, bulk, MIB) || el_xxh3_64(bulk, MIB, 7) != xxh3_with_seed(bulk, MIB, 7)) {
        fprintf(stderr, "ExportLib and the reference libraries disagree\n");
        return 1;
    }

    for (int c = 0; c < CASES; c++) {
        cases[c].ours_samples = (double*)calloc((size_t)rounds, sizeof(double));
        cases[c].c_samples = (double*)calloc((size_t)rounds, sizeof(double));
        cases[c].ours(cases[c].iterations / 4 + 1); /* warm up both */
        cases[c].c(cases[c].iterations / 4 + 1);
    }

    for (int r = 0; r < rounds; r++) {
        for (int c = 0; c < CASES; c++) {
            bench_case* k = &cases[c];
            if (r % 2 == 0) {
                k->ours_samples[r] = time_batch(k->ours, k->iterations, k->per);
                k->c_samples[r] = time_batch(k->c, k->iterations, k->per);
            } else {
                k->c_samples[r] = time_batch(k->c, k->iterations, k->per);
                k->ours_samples[r] = time_batch(k->ours, k->iterations, k->per);
            }
        }
    }

    /* First call on a new thread, each sample a fresh thread; ours and C interleaved. */
    enum { THREADS = 21 };
    double thread_first[THREADS], thread_second[THREADS], c_first[THREADS];
    for (int i = 0; i < THREADS; i++) {
        thread_sample ours = { 0, 0, 0 }, c = { 0, 0, 1 };
        pthread_t t;
        pthread_create(&t, NULL, first_call_thread, &ours);
        pthread_join(t, NULL);
        pthread_create(&t, NULL, first_call_thread, &c);
        pthread_join(t, NULL);
        thread_first[i] = ours.first_ns;
        thread_second[i] = ours.second_ns;
        c_first[i] = c.first_ns;
    }

    FILE* out = fopen(argv[2], "w");
    if (out == NULL) {
        perror(argv[2]);
        return 1;
    }
    fprintf(out, "variant,case,unit,ours_ns,c_ns\n");
    printf("%-42s %12s %12s %8s\n", variant, "ExportLib", "C", "ratio");
    for (int c = 0; c < CASES; c++) {
        double ours = median(cases[c].ours_samples, rounds), base = median(cases[c].c_samples, rounds);
        fprintf(out, "%s,%s,%s,%.4f,%.4f\n", variant, cases[c].name, cases[c].unit, ours, base);
        printf("%-42s %9.2f ns %9.2f ns %8.2f  (per %s)\n", cases[c].name, ours, base, ours / base, cases[c].unit);
    }
    double tf = median(thread_first, THREADS), ts = median(thread_second, THREADS), cf = median(c_first, THREADS);
    fprintf(out, "%s,first call on a new thread,call,%.4f,%.4f\n", variant, tf, cf);
    fprintf(out, "%s,second call on that thread,call,%.4f,%.4f\n", variant, ts, cf);
    fprintf(out, "%s,first call in the process,call,%.4f,0\n", variant, first_call);
    fprintf(out, "%s,rss growth on the first call,KiB,%ld,0\n", variant, rss_after - rss_before);
    printf("first call on a new thread: %.0f ns (then %.0f ns; C: %.0f ns)\n", tf, ts, cf);
    printf("first call in the process: %.3f ms, RSS +%ld KiB\n", first_call / 1e6, rss_after - rss_before);
    fclose(out);

    el_context_free(shared_ctx);
    c_context_free(shared_c_ctx);
    return 0;
}

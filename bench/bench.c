/* What crossing into ExportLib costs, against plain C doing the same work in the same process, and against the peers a
   user would pick instead: the same functions as bare Native AOT exports (the floor: what Native AOT itself costs) and
   as a Rust cdylib/staticlib. Which of them this program measures is fixed when it is built (BENCH_EXPORTLIB,
   BENCH_BARE, BENCH_RUST); C always. Every case runs each column back to back, rotating which goes first, for several
   rounds; the report uses medians.
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
#include "peers/peers.h"

#ifndef BENCH_EXPORTLIB
#define BENCH_EXPORTLIB 1
#endif
#ifndef BENCH_BARE
#define BENCH_BARE 0
#endif
#ifndef BENCH_RUST
#define BENCH_RUST 0
#endif

enum { COL_EXPORTLIB, COL_C, COL_BARE, COL_RUST, COLUMNS };
static const char* const column_names[COLUMNS] = { "ExportLib", "C", "bare", "Rust" };

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
static int32_t map_in[1024], map_out[1024];
static c_context* shared_c_ctx;

static int32_t add_one(void* user_data, int32_t x)
{
    (void)user_data;
    return x + 1;
}

/* ---- the cases: each runs n iterations of the same work; one set per column ---- */

/* The calls every column makes the same way; P is the prefix of the column's functions, CTX its shared context. */
#define COMMON_CASES(tag, P, CTX)                                                                                     \
    static void tag##_rgba(size_t n)                                                                                  \
    {                                                                                                                 \
        uint64_t acc = 0;                                                                                             \
        for (size_t i = 0; i < n; i++) {                                                                              \
            el_rgba c = { (uint8_t)i, (uint8_t)(i >> 8), 7, 255 };                                                    \
            acc += P##_rgba_pack(c);                                                                                  \
        }                                                                                                             \
        sink = acc;                                                                                                   \
    }                                                                                                                 \
    static void tag##_point(size_t n)                                                                                 \
    {                                                                                                                 \
        double acc = 0;                                                                                               \
        el_point p = { 1.5, -2.0 };                                                                                   \
        for (size_t i = 0; i < n; i++) {                                                                              \
            el_point q = P##_point_scale(p, (double)i);                                                               \
            acc += q.x + q.y;                                                                                         \
        }                                                                                                             \
        sink = (uint64_t)acc;                                                                                         \
    }                                                                                                                 \
    static void tag##_example(size_t n)                                                                               \
    {                                                                                                                 \
        uint64_t acc = 0;                                                                                             \
        el_example e = { true, 1, 2, 3, 4 };                                                                          \
        for (size_t i = 0; i < n; i++) {                                                                              \
            e.long_value = i;                                                                                         \
            acc += P##_example_sum(&e);                                                                               \
        }                                                                                                             \
        sink = acc;                                                                                                   \
    }                                                                                                                 \
    static void tag##_map(size_t n)                                                                                   \
    {                                                                                                                 \
        for (size_t i = 0; i < n; i++) P##_map_i32(map_in, map_out, 1024, add_one, NULL);                            \
        sink = (uint64_t)map_out[5];                                                                                  \
    }                                                                                                                 \
    static void tag##_utf16(size_t n)                                                                                 \
    {                                                                                                                 \
        size_t required = 0;                                                                                          \
        for (size_t i = 0; i < n; i++) P##_utf8_to_utf16(utf8_text, utf8_len, utf16_out, 2048, &required);           \
        sink = required;                                                                                              \
    }                                                                                                                 \
    static void tag##_is_upper(size_t n)                                                                              \
    {                                                                                                                 \
        uint64_t acc = 0;                                                                                             \
        for (size_t i = 0; i < n; i++) {                                                                              \
            bool b = false;                                                                                           \
            P##_context_is_upper(CTX, &b);                                                                            \
            acc += b;                                                                                                 \
        }                                                                                                             \
        sink = acc;                                                                                                   \
    }                                                                                                                 \
    static void tag##_text(size_t n)                                                                                  \
    {                                                                                                                 \
        char buf[64];                                                                                                 \
        for (size_t i = 0; i < n; i++) P##_context_text(CTX, buf, sizeof buf, NULL);                                  \
        sink = (uint64_t)buf[3];                                                                                      \
    }

/* The peers' handles: create returns the handle, the rest take it. */
#define PEER_CASES(P)                                                                                                 \
    static void* P##_shared_ctx;                                                                                      \
    COMMON_CASES(P, P, P##_shared_ctx)                                                                                \
    static void P##_case_noop(size_t n) { for (size_t i = 0; i < n; i++) P##_noop(); }                                \
    static void P##_lifecycle(size_t n)                                                                               \
    {                                                                                                                 \
        for (size_t i = 0; i < n; i++) {                                                                             \
            void* ctx = P##_context_create(EL_CASE_LOWER);                                                            \
            P##_context_to_upper(ctx);                                                                                \
            P##_context_free(ctx);                                                                                    \
        }                                                                                                             \
    }                                                                                                                 \
    static void P##_crc_1k(size_t n) { uint64_t a = 0; for (size_t i = 0; i < n; i++) a += P##_crc32(0, bulk, 1024); sink = a; } \
    static void P##_crc_64k(size_t n) { uint64_t a = 0; for (size_t i = 0; i < n; i++) a += P##_crc32(0, bulk, 65536); sink = a; } \
    static void P##_crc_1m(size_t n) { uint64_t a = 0; for (size_t i = 0; i < n; i++) a += P##_crc32(0, bulk, MIB); sink = a; }

/* ExportLib */
#if BENCH_EXPORTLIB
static el_context* shared_ctx;
COMMON_CASES(ours, el, shared_ctx)
static void ours_noop(size_t n) { for (size_t i = 0; i < n; i++) el_debug_noop(); }
static void ours_three(size_t n) { for (size_t i = 0; i < n; i++) { el_debug_noop(); el_debug_noop(); el_debug_noop(); } }
static void ours_lifecycle(size_t n)
{
    for (size_t i = 0; i < n; i++) {
        el_context* ctx = NULL;
        el_context_create(EL_CASE_LOWER, &ctx);
        el_context_to_upper(ctx);
        el_context_free(ctx);
    }
}
static void ours_crc_1k(size_t n) { uint64_t a = 0; for (size_t i = 0; i < n; i++) a += el_crc32(0, bulk, 1024); sink = a; }
static void ours_crc_64k(size_t n) { uint64_t a = 0; for (size_t i = 0; i < n; i++) a += el_crc32(0, bulk, 65536); sink = a; }
static void ours_crc_1m(size_t n) { uint64_t a = 0; for (size_t i = 0; i < n; i++) a += el_crc32(0, bulk, MIB); sink = a; }
/* 1 MiB as 1024 chained 1 KiB blocks: each block continues the previous block's CRC. */
static void ours_crc_chained(size_t n)
{
    uint32_t crc = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t b = 0; b < 1024; b++) crc = el_crc32(crc, bulk + b * 1024, 1024);
    sink = crc;
}
static void ours_xxh_1k(size_t n) { uint64_t a = 0; for (size_t i = 0; i < n; i++) a += el_xxh3_64(bulk, 1024, 7); sink = a; }
static void ours_xxh_64k(size_t n) { uint64_t a = 0; for (size_t i = 0; i < n; i++) a += el_xxh3_64(bulk, 65536, 7); sink = a; }
static void ours_xxh_1m(size_t n) { uint64_t a = 0; for (size_t i = 0; i < n; i++) a += el_xxh3_64(bulk, MIB, 7); sink = a; }
#define EL_CASE(f) ours_##f
#else
#define EL_CASE(f) NULL
#endif

/* C: the plain C baselines, zlib and libxxhash */
COMMON_CASES(c, c, shared_c_ctx)
static void c_case_noop(size_t n) { for (size_t i = 0; i < n; i++) c_noop(); }
static void c_three(size_t n) { for (size_t i = 0; i < n; i++) { c_noop(); c_noop(); c_noop(); } }
static void c_lifecycle(size_t n)
{
    for (size_t i = 0; i < n; i++) {
        c_context* ctx = c_context_create(EL_CASE_LOWER);
        c_context_to_upper(ctx);
        c_context_free(ctx);
    }
}
static void c_crc_1k(size_t n) { uint64_t a = 0; for (size_t i = 0; i < n; i++) a += zlib_crc32(0, bulk, 1024); sink = a; }
static void c_crc_64k(size_t n) { uint64_t a = 0; for (size_t i = 0; i < n; i++) a += zlib_crc32(0, bulk, 65536); sink = a; }
static void c_crc_1m(size_t n) { uint64_t a = 0; for (size_t i = 0; i < n; i++) a += zlib_crc32(0, bulk, MIB); sink = a; }
static void c_crc_chained(size_t n)
{
    unsigned long crc = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t b = 0; b < 1024; b++) crc = zlib_crc32(crc, bulk + b * 1024, 1024);
    sink = crc;
}
static void c_xxh_1k(size_t n) { uint64_t a = 0; for (size_t i = 0; i < n; i++) a += xxh3_with_seed(bulk, 1024, 7); sink = a; }
static void c_xxh_64k(size_t n) { uint64_t a = 0; for (size_t i = 0; i < n; i++) a += xxh3_with_seed(bulk, 65536, 7); sink = a; }
static void c_xxh_1m(size_t n) { uint64_t a = 0; for (size_t i = 0; i < n; i++) a += xxh3_with_seed(bulk, MIB, 7); sink = a; }

/* The bare Native AOT peer */
#if BENCH_BARE
PEER_CASES(bare)
static void bare_three(size_t n) { for (size_t i = 0; i < n; i++) { bare_noop(); bare_noop(); bare_noop(); } }
static void bare_xxh_1k(size_t n) { uint64_t a = 0; for (size_t i = 0; i < n; i++) a += bare_xxh3_64(bulk, 1024, 7); sink = a; }
static void bare_xxh_64k(size_t n) { uint64_t a = 0; for (size_t i = 0; i < n; i++) a += bare_xxh3_64(bulk, 65536, 7); sink = a; }
static void bare_xxh_1m(size_t n) { uint64_t a = 0; for (size_t i = 0; i < n; i++) a += bare_xxh3_64(bulk, MIB, 7); sink = a; }
#define BARE_CASE(f) bare_##f
#else
#define BARE_CASE(f) NULL
#endif

/* The Rust peer */
#if BENCH_RUST
PEER_CASES(rust)
static void rust_three(size_t n) { for (size_t i = 0; i < n; i++) { rust_noop(); rust_noop(); rust_noop(); } }
#define RUST_CASE(f) rust_##f
#else
#define RUST_CASE(f) NULL
#endif

typedef struct {
    const char* name;
    const char* unit;  /* what the reported time is per */
    double per;        /* units per iteration (elements, blocks) */
    size_t iterations; /* per batch */
    void (*run[COLUMNS])(size_t);
    double* samples[COLUMNS];
} bench_case;

#define ALL(f, cf) { EL_CASE(f), cf, BARE_CASE(f), RUST_CASE(f) }
static bench_case cases[] = {
    { "empty export (el_debug_noop)", "call", 1, 2000000, { EL_CASE(noop), c_case_noop, BARE_CASE(case_noop), RUST_CASE(case_noop) }, { 0 } },
    { "three empty exports (the lifecycle's floor)", "3 calls", 1, 700000, ALL(three, c_three), { 0 } },
    { "el_rgba_pack", "call", 1, 2000000, ALL(rgba, c_rgba), { 0 } },
    { "el_point_scale", "call", 1, 2000000, ALL(point, c_point), { 0 } },
    { "el_example_sum", "call", 1, 2000000, ALL(example, c_example), { 0 } },
    { "el_context_is_upper (validated handle)", "call", 1, 2000000, ALL(is_upper, c_is_upper), { 0 } },
    { "create + to_upper + free", "cycle", 1, 200000, ALL(lifecycle, c_lifecycle), { 0 } },
    { "el_map_i32 (n = 1024)", "element", 1024, 2000, ALL(map, c_map), { 0 } },
    { "el_context_text (27 B)", "call", 1, 1000000, ALL(text, c_text), { 0 } },
    { "el_utf8_to_utf16 (1 KiB)", "call", 1, 20000, ALL(utf16, c_utf16), { 0 } },
    { "el_crc32 (1 KiB)", "call", 1, 20000, ALL(crc_1k, c_crc_1k), { 0 } },
    { "el_crc32 (64 KiB)", "call", 1, 300, ALL(crc_64k, c_crc_64k), { 0 } },
    { "el_crc32 (1 MiB)", "call", 1, 20, ALL(crc_1m, c_crc_1m), { 0 } },
    /* The peers have no chained case: System.IO.Hashing cannot continue from a crc value; Rust's is the same loop. */
    { "el_crc32 chained (1 KiB blocks)", "block", 1024, 20, { EL_CASE(crc_chained), c_crc_chained, NULL, NULL }, { 0 } },
    { "el_xxh3_64 (1 KiB)", "call", 1, 50000, { EL_CASE(xxh_1k), c_xxh_1k, BARE_CASE(xxh_1k), NULL }, { 0 } },
    { "el_xxh3_64 (64 KiB)", "call", 1, 1000, { EL_CASE(xxh_64k), c_xxh_64k, BARE_CASE(xxh_64k), NULL }, { 0 } },
    { "el_xxh3_64 (1 MiB)", "call", 1, 60, { EL_CASE(xxh_1m), c_xxh_1m, BARE_CASE(xxh_1m), NULL }, { 0 } },
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

/* ---- the first call on a new thread (ExportLib against C) ---- */

typedef struct {
    double first_ns;
    double second_ns;
    int use_c;
} thread_sample;

#if BENCH_EXPORTLIB
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
#endif

/* The library whose runtime this process starts first: ExportLib, else the bare peer. */
static void first_call(void)
{
#if BENCH_EXPORTLIB
    el_debug_noop();
#elif BENCH_BARE
    bare_noop();
#endif
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
    first_call();
    double first_call_ns = now_ns() - t0;
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
    shared_c_ctx = c_context_create(EL_CASE_UPPER);

    /* Sanity: every column computes the same thing. */
    uint32_t crc = (uint32_t)zlib_crc32(0, bulk, MIB);
    uint64_t xxh = xxh3_with_seed(bulk, MIB, 7);
    int agree = 1;
#if BENCH_EXPORTLIB
    el_context_create(EL_CASE_UPPER, &shared_ctx);
    agree &= el_crc32(0, bulk, MIB) == crc && el_xxh3_64(bulk, MIB, 7) == xxh;
#endif
#if BENCH_BARE
    bare_shared_ctx = bare_context_create(EL_CASE_UPPER);
    agree &= bare_crc32(0, bulk, MIB) == crc && bare_xxh3_64(bulk, MIB, 7) == xxh;
#endif
#if BENCH_RUST
    rust_shared_ctx = rust_context_create(EL_CASE_UPPER);
    agree &= rust_crc32(0, bulk, MIB) == crc;
#endif
    if (!agree) {
        fprintf(stderr, "a measured library and the reference libraries disagree\n");
        return 1;
    }

    for (int c = 0; c < CASES; c++) {
        for (int col = 0; col < COLUMNS; col++) {
            if (cases[c].run[col] == NULL) continue;
            cases[c].samples[col] = (double*)calloc((size_t)rounds, sizeof(double));
            cases[c].run[col](cases[c].iterations / 4 + 1); /* warm up */
        }
    }

    for (int r = 0; r < rounds; r++) {
        for (int c = 0; c < CASES; c++) {
            bench_case* k = &cases[c];
            for (int j = 0; j < COLUMNS; j++) {
                int col = (j + r) % COLUMNS; /* each column goes first in turn */
                if (k->run[col] != NULL) k->samples[col][r] = time_batch(k->run[col], k->iterations, k->per);
            }
        }
    }

    FILE* out = fopen(argv[2], "w");
    if (out == NULL) {
        perror(argv[2]);
        return 1;
    }
    fprintf(out, "variant,case,unit,column,ns\n");
    printf("%-44s", variant);
    for (int col = 0; col < COLUMNS; col++) printf(" %12s", column_names[col]);
    printf("\n");
    for (int c = 0; c < CASES; c++) {
        printf("%-44s", cases[c].name);
        for (int col = 0; col < COLUMNS; col++) {
            if (cases[c].samples[col] == NULL) {
                printf(" %12s", "-");
                continue;
            }
            double m = median(cases[c].samples[col], rounds);
            fprintf(out, "%s,%s,%s,%s,%.4f\n", variant, cases[c].name, cases[c].unit, column_names[col], m);
            printf(" %9.2f ns", m);
        }
        printf("  (per %s)\n", cases[c].unit);
    }

#if BENCH_EXPORTLIB
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
    double tf = median(thread_first, THREADS), ts = median(thread_second, THREADS), cf = median(c_first, THREADS);
    fprintf(out, "%s,first call on a new thread,call,ExportLib,%.4f\n%s,first call on a new thread,call,C,%.4f\n", variant, tf, variant, cf);
    fprintf(out, "%s,second call on that thread,call,ExportLib,%.4f\n%s,second call on that thread,call,C,%.4f\n", variant, ts, variant, cf);
    printf("first call on a new thread: %.0f ns (then %.0f ns; C: %.0f ns)\n", tf, ts, cf);
    el_context_free(shared_ctx);
#endif
#if BENCH_EXPORTLIB || BENCH_BARE
    const char* starter = BENCH_EXPORTLIB ? "ExportLib" : "bare";
    fprintf(out, "%s,first call in the process,call,%s,%.4f\n", variant, starter, first_call_ns);
    fprintf(out, "%s,rss growth on the first call,KiB,%s,%ld\n", variant, starter, rss_after - rss_before);
    printf("first call in the process (%s): %.3f ms, RSS +%ld KiB\n", starter, first_call_ns / 1e6, rss_after - rss_before);
#endif
    fclose(out);
#if BENCH_BARE
    bare_context_free(bare_shared_ctx);
#endif
#if BENCH_RUST
    rust_context_free(rust_shared_ctx);
#endif
    c_context_free(shared_c_ctx);
    return 0;
}

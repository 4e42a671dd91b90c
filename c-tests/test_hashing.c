/* Contract section 11: el_crc32 against zlib's crc32 and el_xxh3_64 against libxxhash's XXH3_64bits_withSeed.
   The references are loaded with dlopen: the static library's runtime carries a zlib of its own, and a link-time
   reference could silently resolve to it. */
#include <dlfcn.h>
#include <stdlib.h>

#include "check.h"

typedef unsigned long (*zlib_crc32_fn)(unsigned long crc, const unsigned char* buf, unsigned int len);
typedef uint64_t (*xxh3_fn)(const void* data, size_t len, uint64_t seed);

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint64_t next_random(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* XXH3_64bits_withSeed of data[i] = (uint8_t)(i * 131 + 7), computed once with libxxhash 0.8.1: the check that
   still runs on a machine without libxxhash. */
static const struct { size_t len; uint64_t seed; uint64_t hash; } xxh3_known[] = {
    { 0, UINT64_C(0x0000000000000000), UINT64_C(0x2D06800538D394C2) },
    { 0, UINT64_C(0x9E3779B97F4A7C15), UINT64_C(0x602B0E2CD6662C8B) },
    { 1, UINT64_C(0x0000000000000000), UINT64_C(0x4C5CCA45D0F4811F) },
    { 1, UINT64_C(0x9E3779B97F4A7C15), UINT64_C(0x2F3ACD3805F81DE3) },
    { 3, UINT64_C(0x0000000000000000), UINT64_C(0x6E3E2670E61106AC) },
    { 3, UINT64_C(0x9E3779B97F4A7C15), UINT64_C(0xBC74611D87F659E0) },
    { 4, UINT64_C(0x0000000000000000), UINT64_C(0x5C4C63133443D03F) },
    { 4, UINT64_C(0x9E3779B97F4A7C15), UINT64_C(0x6C3753177C607DE4) },
    { 8, UINT64_C(0x0000000000000000), UINT64_C(0xF9FD4DD0B04D78F5) },
    { 8, UINT64_C(0x9E3779B97F4A7C15), UINT64_C(0xBC72D0531396303F) },
    { 9, UINT64_C(0x0000000000000000), UINT64_C(0x7C20DF9712C26EDF) },
    { 9, UINT64_C(0x9E3779B97F4A7C15), UINT64_C(0x93C5AA006102DAF5) },
    { 16, UINT64_C(0x0000000000000000), UINT64_C(0x86ABF6BACCEA0858) },
    { 16, UINT64_C(0x9E3779B97F4A7C15), UINT64_C(0x69D001B16ECF450A) },
    { 17, UINT64_C(0x0000000000000000), UINT64_C(0xB58BF5DC5022D071) },
    { 17, UINT64_C(0x9E3779B97F4A7C15), UINT64_C(0xB7C99D19BE27EB69) },
    { 128, UINT64_C(0x0000000000000000), UINT64_C(0x10D17F72C0CCBA41) },
    { 128, UINT64_C(0x9E3779B97F4A7C15), UINT64_C(0x49B81C6E0ABB9305) },
    { 129, UINT64_C(0x0000000000000000), UINT64_C(0x1648BDC3DB49D1A2) },
    { 129, UINT64_C(0x9E3779B97F4A7C15), UINT64_C(0x5E3831B221810B00) },
    { 240, UINT64_C(0x0000000000000000), UINT64_C(0xB6CFAF343FAB81E6) },
    { 240, UINT64_C(0x9E3779B97F4A7C15), UINT64_C(0x76A73EC26433F82C) },
    { 241, UINT64_C(0x0000000000000000), UINT64_C(0x956CAE592C67279E) },
    { 241, UINT64_C(0x9E3779B97F4A7C15), UINT64_C(0x2BE236BA3BACF75C) },
    { 1000, UINT64_C(0x0000000000000000), UINT64_C(0x571D5CBFEF44331B) },
    { 1000, UINT64_C(0x9E3779B97F4A7C15), UINT64_C(0xA6FA06F07FB6C797) },
    { 4096, UINT64_C(0x0000000000000000), UINT64_C(0x9DDD66C14AF0DAFF) },
    { 4096, UINT64_C(0x9E3779B97F4A7C15), UINT64_C(0xC7BC989F5D547A4D) },
};

int main(int argc, char** argv)
{
    /* Known values first: they need no reference library. */
    static uint8_t pattern[4096];
    for (size_t i = 0; i < sizeof pattern; i++) pattern[i] = (uint8_t)(i * 131 + 7);
    for (size_t k = 0; k < sizeof xxh3_known / sizeof xxh3_known[0]; k++) {
        CHECK_U64(el_xxh3_64(pattern, xxh3_known[k].len, xxh3_known[k].seed), xxh3_known[k].hash);
    }

    /* configure passes "xxhash-optional" when it found no libxxhash: then the random comparison is left out, in one
       line, instead of failing. Where configure found it, a missing library is a failure. */
    void* zlib = dlopen("libz.so.1", RTLD_NOW | RTLD_LOCAL);
    void* xxhash = dlopen("libxxhash.so.0", RTLD_NOW | RTLD_LOCAL);
    if (xxhash == NULL && argc > 1 && strcmp(argv[1], "xxhash-optional") == 0) {
        printf("libxxhash.so.0 is not installed: el_xxh3_64 checked against %zu known values only\n", sizeof xxh3_known / sizeof xxh3_known[0]);
        CHECK_U64(el_crc32(0, (const uint8_t*)"123456789", 9), 0xCBF43926u);
        return check_report("hashing");
    }
    CHECK(zlib != NULL);
    CHECK(xxhash != NULL);
    if (zlib == NULL || xxhash == NULL) {
        fprintf(stderr, "reference libraries missing: %s\n", dlerror());
        return check_report("hashing");
    }
    /* POSIX's idiom for dlsym into a function pointer, which ISO C does not allow as a cast. */
    zlib_crc32_fn zcrc = NULL;
    xxh3_fn xxh3 = NULL;
    *(void**)&zcrc = dlsym(zlib, "crc32");
    *(void**)&xxh3 = dlsym(xxhash, "XXH3_64bits_withSeed");
    CHECK(zcrc != NULL && xxh3 != NULL);

    /* Known values. */
    CHECK_U64(el_crc32(0, (const uint8_t*)"123456789", 9), 0xCBF43926u);
    CHECK_U64(el_crc32(0, (const uint8_t*)"", 0), 0);

    /* Many random inputs and lengths, chained from random previous values too. */
    enum { MAX = 70000 };
    uint8_t* data = (uint8_t*)malloc(MAX);
    for (size_t i = 0; i < MAX; i++) data[i] = (uint8_t)next_random();
    const size_t lengths[] = { 0, 1, 2, 3, 4, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 240, 241, 255, 256, 1023, 1024, 1025, 4096, 65536, 69999 };
    for (size_t k = 0; k < sizeof lengths / sizeof lengths[0]; k++) {
        for (int trial = 0; trial < 8; trial++) {
            size_t len = lengths[k];
            size_t offset = (size_t)(next_random() % (MAX - len + 1));
            uint32_t previous = trial == 0 ? 0 : (uint32_t)next_random();
            uint64_t seed = trial < 2 ? 0 : next_random();
            CHECK_U64(el_crc32(previous, data + offset, len), zcrc(previous, data + offset, (unsigned)len));
            CHECK_U64(el_xxh3_64(data + offset, len, seed), xxh3(data + offset, len, seed));
        }
    }
    for (int trial = 0; trial < 2000; trial++) {
        size_t len = (size_t)(next_random() % 3000);
        size_t offset = (size_t)(next_random() % (MAX - len));
        uint32_t previous = (uint32_t)next_random();
        uint64_t seed = next_random();
        CHECK_U64(el_crc32(previous, data + offset, len), zcrc(previous, data + offset, (unsigned)len));
        CHECK_U64(el_xxh3_64(data + offset, len, seed), xxh3(data + offset, len, seed));
    }

    /* Chaining over blocks equals one pass. */
    uint32_t chained = 0;
    for (size_t at = 0; at < 65536; at += 1024) chained = el_crc32(chained, data + at, 1024);
    CHECK_U64(chained, el_crc32(0, data, 65536));
    CHECK_U64(chained, zcrc(0, data, 65536));

    /* NULL data: crc unchanged / like len == 0; recorded only when len > 0. */
    el_clear_last_error();
    CHECK_U64(el_crc32(0x12345678u, NULL, 0), 0x12345678u);
    CHECK_U64(el_last_error_status(), EL_OK);
    CHECK_U64(el_crc32(0x12345678u, NULL, 10), 0x12345678u);
    CHECK_U64(el_last_error_status(), EL_ERR_NULL_ARGUMENT);
    el_clear_last_error();
    CHECK_U64(el_xxh3_64(NULL, 0, 42), xxh3("", 0, 42));
    CHECK_U64(el_last_error_status(), EL_OK);
    CHECK_U64(el_xxh3_64(NULL, 5, 42), xxh3("", 0, 42));
    CHECK_U64(el_last_error_status(), EL_ERR_NULL_ARGUMENT);

    free(data);
    return check_report("hashing");
}

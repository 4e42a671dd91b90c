/* The benchmark's peers: the same functions as bare Native AOT exports (bench/peers/bare, prefix bare_) and as a Rust
   cdylib/staticlib (bench/peers/rust, prefix rust_). Both take and give the contract's C types. */
#ifndef EXPORTLIB_BENCH_PEERS_H
#define EXPORTLIB_BENCH_PEERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "exportlib.h"

#define PEER_DECLARE(p)                                                                                              \
    void p##_noop(void);                                                                                             \
    uint32_t p##_rgba_pack(el_rgba c);                                                                               \
    el_point p##_point_scale(el_point p, double k);                                                                  \
    uint64_t p##_example_sum(const el_example* e);                                                                   \
    void* p##_context_create(int32_t initial);                                                                       \
    int32_t p##_context_to_upper(void* ctx);                                                                         \
    int32_t p##_context_is_upper(const void* ctx, bool* out);                                                        \
    int32_t p##_context_text(const void* ctx, char* buf, size_t len, size_t* required);                              \
    void p##_context_free(void* ctx);                                                                                \
    int32_t p##_map_i32(const int32_t* in, int32_t* out, size_t n, el_map_fn fn, void* user_data);                   \
    int32_t p##_utf8_to_utf16(const char* s, size_t len, uint16_t* out, size_t out_len, size_t* required);           \
    uint32_t p##_crc32(uint32_t crc, const uint8_t* data, size_t len);

PEER_DECLARE(bare)
PEER_DECLARE(rust)

/* Only the bare peer has XXH3 (System.IO.Hashing); Rust's standard library has none and the peer uses no crates. */
uint64_t bare_xxh3_64(const uint8_t* data, size_t len, uint64_t seed);

#endif

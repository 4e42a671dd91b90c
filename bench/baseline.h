/* Plain C implementations of the same work as the measured exports: the baselines of the benchmark. */
#ifndef EXPORTLIB_BENCH_BASELINE_H
#define EXPORTLIB_BENCH_BASELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "exportlib.h"

typedef struct c_context c_context;

void c_noop(void);
uint32_t c_rgba_pack(el_rgba c);
el_point c_point_scale(el_point p, double k);
uint64_t c_example_sum(const el_example* e);

c_context* c_context_create(el_case initial);
int c_context_to_upper(c_context* ctx);
int c_context_is_upper(const c_context* ctx, bool* out);
int c_context_text(const c_context* ctx, char* buf, size_t len, size_t* required);
void c_context_free(c_context* ctx);

int c_map_i32(const int32_t* in, int32_t* out, size_t n, el_map_fn fn, void* user_data);
int c_utf8_to_utf16(const char* s, size_t len, uint16_t* out, size_t out_len, size_t* required);

#endif

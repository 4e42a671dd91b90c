/* The C baselines. Each is noinline and lives in its own translation unit, so a call to it is a real call, like a
   call into a C library would be. */
#include "baseline.h"

#include <stdlib.h>
#include <string.h>

#define NOINLINE __attribute__((noinline))

NOINLINE void c_noop(void)
{
    __asm__ volatile("");
}

NOINLINE uint32_t c_rgba_pack(el_rgba c)
{
    return (uint32_t)c.r | (uint32_t)c.g << 8 | (uint32_t)c.b << 16 | (uint32_t)c.a << 24;
}

/* gcc 12 at -O2 turns this into SLP-vectorised code that stores the two doubles as one vector and reloads them as
   scalars for the return registers: a store-forwarding stall that makes C look slow. The plain scalar form is what a
   careful C author ships, so vectorisation is turned off here (see the disassembly check in the README). */
__attribute__((optimize("no-tree-slp-vectorize"))) NOINLINE el_point c_point_scale(el_point p, double k)
{
    el_point r;
    r.x = p.x * k;
    r.y = p.y * k;
    return r;
}

NOINLINE uint64_t c_example_sum(const el_example* e)
{
    if (e == NULL) return 0;
    return (uint64_t)e->tiny + e->normal + e->small + e->long_value + e->short_value;
}

struct c_context {
    char text[27];
    el_case state;
};

static const char lower[] = "abcdefghijklmnopqrstuvwxyz";
static const char upper[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

NOINLINE c_context* c_context_create(el_case initial)
{
    if (initial != EL_CASE_LOWER && initial != EL_CASE_UPPER) return NULL;
    c_context* ctx = (c_context*)malloc(sizeof *ctx);
    if (ctx == NULL) return NULL;
    memcpy(ctx->text, initial == EL_CASE_UPPER ? upper : lower, sizeof ctx->text);
    ctx->state = initial;
    return ctx;
}

NOINLINE int c_context_to_upper(c_context* ctx)
{
    if (ctx == NULL) return EL_ERR_NULL_ARGUMENT;
    if (ctx->state == EL_CASE_INVALID) return EL_ERR_INVALID_STATE;
    memcpy(ctx->text, upper, sizeof ctx->text);
    ctx->state = EL_CASE_UPPER;
    return EL_OK;
}

NOINLINE int c_context_is_upper(const c_context* ctx, bool* out)
{
    if (ctx == NULL || out == NULL) return EL_ERR_NULL_ARGUMENT;
    *out = ctx->state == EL_CASE_UPPER;
    return EL_OK;
}

NOINLINE int c_context_text(const c_context* ctx, char* buf, size_t len, size_t* required)
{
    if (ctx == NULL) return EL_ERR_NULL_ARGUMENT;
    size_t needed = strlen(ctx->text) + 1;
    if (required != NULL) *required = needed;
    if (len < needed) return EL_ERR_BUFFER_TOO_SMALL;
    memcpy(buf, ctx->text, needed);
    return EL_OK;
}

NOINLINE void c_context_free(c_context* ctx)
{
    free(ctx);
}

NOINLINE int c_map_i32(const int32_t* in, int32_t* out, size_t n, el_map_fn fn, void* user_data)
{
    if (fn == NULL || (n != 0 && (in == NULL || out == NULL))) return EL_ERR_NULL_ARGUMENT;
    for (size_t i = 0; i < n; i++) out[i] = fn(user_data, in[i]);
    return EL_OK;
}

/* A validating UTF-8 to UTF-16 transcoder in the usual scalar style, with an ASCII fast path. */
NOINLINE int c_utf8_to_utf16(const char* s, size_t len, uint16_t* out, size_t out_len, size_t* required)
{
    const unsigned char* p = (const unsigned char*)s;
    size_t units = 0, i = 0;
    /* First pass: validate and count. */
    while (i < len) {
        unsigned char c = p[i];
        if (c < 0x80) { i++; units++; continue; }
        size_t n;
        uint32_t cp;
        if ((c & 0xE0) == 0xC0) { n = 2; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { n = 3; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { n = 4; cp = c & 0x07; }
        else return EL_ERR_INVALID_UTF8;
        if (i + n > len) return EL_ERR_INVALID_UTF8;
        for (size_t k = 1; k < n; k++) {
            if ((p[i + k] & 0xC0) != 0x80) return EL_ERR_INVALID_UTF8;
            cp = cp << 6 | (p[i + k] & 0x3F);
        }
        if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return EL_ERR_INVALID_UTF8;
        units += cp >= 0x10000 ? 2 : 1;
        i += n;
    }
    if (required != NULL) *required = units + 1;
    if (out_len < units + 1) return EL_ERR_BUFFER_TOO_SMALL;
    /* Second pass: write. */
    size_t o = 0;
    i = 0;
    while (i < len) {
        unsigned char c = p[i];
        if (c < 0x80) { out[o++] = c; i++; continue; }
        size_t n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
        uint32_t cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
        for (size_t k = 1; k < n; k++) cp = cp << 6 | (p[i + k] & 0x3F);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out[o++] = (uint16_t)(0xD800 | (cp >> 10));
            out[o++] = (uint16_t)(0xDC00 | (cp & 0x3FF));
        } else {
            out[o++] = (uint16_t)cp;
        }
        i += n;
    }
    out[o] = 0;
    return EL_OK;
}

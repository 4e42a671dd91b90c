/* A minimal check harness for the C tests: every failed check prints where and what, and main returns non-zero. */
#ifndef EXPORTLIB_CHECK_H
#define EXPORTLIB_CHECK_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "exportlib.h"

static int check_count;
static int check_failures;

#define CHECK(cond)                                                                                  \
    do {                                                                                             \
        check_count++;                                                                               \
        if (!(cond)) {                                                                               \
            check_failures++;                                                                        \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);                 \
        }                                                                                            \
    } while (0)

#define CHECK_U64(actual, expected)                                                                  \
    do {                                                                                             \
        uint64_t a_ = (uint64_t)(actual), e_ = (uint64_t)(expected);                                 \
        check_count++;                                                                               \
        if (a_ != e_) {                                                                              \
            check_failures++;                                                                        \
            fprintf(stderr, "%s:%d: %s is %" PRIu64 " (0x%" PRIx64 "), expected %" PRIu64 " (0x%" PRIx64 ")\n", \
                    __FILE__, __LINE__, #actual, a_, a_, e_, e_);                                    \
        }                                                                                            \
    } while (0)

#define CHECK_STATUS(call, expected)                                                                 \
    do {                                                                                             \
        el_status s_ = (call);                                                                       \
        check_count++;                                                                               \
        if (s_ != (expected)) {                                                                      \
            check_failures++;                                                                        \
            fprintf(stderr, "%s:%d: %s returned %s, expected %s\n", __FILE__, __LINE__, #call,       \
                    el_status_name(s_), el_status_name(expected));                                   \
        }                                                                                            \
    } while (0)

#define CHECK_STR(actual, expected)                                                                  \
    do {                                                                                             \
        const char* a_ = (actual);                                                                   \
        const char* e_ = (expected);                                                                 \
        check_count++;                                                                               \
        if (a_ == NULL || strcmp(a_, e_) != 0) {                                                     \
            check_failures++;                                                                        \
            fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #actual,   \
                    a_ ? a_ : "(null)", e_);                                                         \
        }                                                                                            \
    } while (0)

/* The last error as a string (empty if none), without changing it. */
static inline const char* check_last_message(void)
{
    static char buf[1024];
    size_t required = 0;
    buf[0] = '\0';
    if (el_last_error_message(buf, sizeof buf, &required) != EL_OK) {
        return "<el_last_error_message failed>";
    }
    return buf;
}

/* Whether bytes are well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF). */
static inline int check_is_utf8(const unsigned char* s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t len;
        uint32_t cp;
        if (c < 0x80) { i++; continue; }
        else if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
        else return 0;
        if (i + len > n) return 0;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) return 0;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return 0;
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
        i += len;
    }
    return 1;
}

static inline int check_report(const char* name)
{
    printf("%s: %d checks, %d failed\n", name, check_count, check_failures);
    return check_failures == 0 ? 0 : 1;
}

#endif

/*
 * libFuzzer target over the whole C API. Each input is a program: a byte picks a call, the following bytes its
 * arguments, and handles come from a small pool that holds live, freed, made-up and other-kind pointers. After every
 * call the harness checks rules that hold for any input:
 *   - every status is a defined el_status value;
 *   - last-error is errno-like: a failure records its status, a success (or a size query) leaves it alone;
 *   - nothing is written on failure: caller buffers keep their sentinel bytes, out-parameters keep their values,
 *     handle out-parameters become NULL;
 *   - every text the library hands out is valid UTF-8, NUL-terminated where *required says;
 *   - at the end of each input everything is freed and el_debug_live_handles() is 0.
 * A broken rule aborts, which libFuzzer reports as a crash with the input that caused it. Only this file is
 * instrumented: the library is the shipped self-contained static archive (its runtime owns SIGSEGV and friends, so
 * libFuzzer runs with -handle_segv=0 -handle_bus=0 -handle_ill=0 -handle_fpe=0).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <exportlib.h>

#define RULE(cond, ...)                                                                 \
    do {                                                                                \
        if (!(cond)) {                                                                  \
            fprintf(stderr, "fuzz_api: rule broken at line %d: %s: ", __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                               \
            fputc('\n', stderr);                                                        \
            abort();                                                                    \
        }                                                                               \
    } while (0)

typedef struct {
    const uint8_t* data;
    size_t size;
} program;

static uint8_t take8(program* p)
{
    if (p->size == 0) {
        return 0;
    }
    p->size--;
    return *p->data++;
}

static uint64_t take64(program* p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++) {
        v = v << 8 | take8(p);
    }
    return v;
}

static size_t take_len(program* p, size_t max)
{
    return (size_t)take8(p) % (max + 1);
}

static bool valid_utf8(const uint8_t* s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint8_t c = s[i];
        uint32_t cp;
        size_t extra;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            cp = c & 0x1F;
            extra = 1;
        } else if ((c & 0xF0) == 0xE0) {
            cp = c & 0x0F;
            extra = 2;
        } else if ((c & 0xF8) == 0xF0) {
            cp = c & 0x07;
            extra = 3;
        } else {
            return false;
        }
        if (i + extra >= n) {
            return false;
        }
        for (size_t k = 1; k <= extra; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                return false;
            }
            cp = cp << 6 | (s[i + k] & 0x3F);
        }
        if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) || cp > 0x10FFFF
            || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false;
        }
        i += extra + 1;
    }
    return true;
}

static bool defined_status(el_status s)
{
    return (s >= EL_OK && s <= EL_ERR_OUT_OF_MEMORY) || s == EL_ERR_INTERNAL;
}

/* The errno rule, checked around every call that returns a status. */
static el_status before_status;
static void before(void)
{
    before_status = el_last_error_status();
}
static void after(el_status s, bool size_query)
{
    RULE(defined_status(s), "status %d", (int)s);
    el_status last = el_last_error_status();
    if (s == EL_OK || (size_query && s == EL_ERR_BUFFER_TOO_SMALL)) {
        RULE(last == before_status, "a success or size query changed the last error from %d to %d", (int)before_status, (int)last);
    } else {
        RULE(last == s, "a failure with %d left the last error at %d", (int)s, (int)last);
        char message[512];
        size_t required = 0;
        memset(message, 0xAA, sizeof message);
        el_status m = el_last_error_message(message, sizeof message, &required);
        RULE(m == EL_OK || m == EL_ERR_BUFFER_TOO_SMALL, "el_last_error_message: %d", (int)m);
        if (m == EL_OK) {
            RULE(required >= 1 && message[required - 1] == '\0', "message not NUL-terminated at required-1");
            RULE(valid_utf8((const uint8_t*)message, required - 1), "last error message is not UTF-8");
        }
        RULE(el_last_error_status() == s, "reading the message replaced the last error");
    }
}

/* A caller buffer with sentinels, and the checks of the caller-buffer rule. */
enum { BUF = 96 };
typedef struct {
    char bytes[BUF];
    size_t len;
    size_t required;
    bool pass_required;
    bool pass_buf;
} out_text;

static void out_prepare(out_text* t, program* p)
{
    memset(t->bytes, 0xAA, sizeof t->bytes);
    t->len = take_len(p, BUF);
    uint8_t mode = take8(p);
    t->pass_buf = (mode & 1) != 0 || t->len > 0;
    t->pass_required = (mode & 2) != 0;
    t->required = (size_t)0xDEADBEEF;
}

static void out_check(const out_text* t, el_status s)
{
    if (s == EL_OK) {
        RULE(t->pass_buf, "success without a buffer");
        if (t->pass_required) {
            RULE(t->required >= 1 && t->required <= t->len, "required %zu for len %zu", t->required, t->len);
            RULE(t->bytes[t->required - 1] == '\0', "not NUL-terminated");
            RULE(valid_utf8((const uint8_t*)t->bytes, t->required - 1), "text handed out is not UTF-8");
            for (size_t i = t->required; i < BUF; i++) {
                RULE((uint8_t)t->bytes[i] == 0xAA, "wrote past required");
            }
        } else {
            const char* end = memchr(t->bytes, '\0', t->len);
            RULE(end != NULL, "not NUL-terminated within len");
            size_t n = (size_t)(end - t->bytes);
            RULE(valid_utf8((const uint8_t*)t->bytes, n), "text handed out is not UTF-8");
        }
        return;
    }
    for (size_t i = 0; i < BUF; i++) {
        RULE((uint8_t)t->bytes[i] == 0xAA, "failure %d wrote into the buffer at %zu", (int)s, i);
    }
    if (s == EL_ERR_BUFFER_TOO_SMALL && t->pass_required) {
        RULE(t->required > t->len && t->required != (size_t)0xDEADBEEF, "BUFFER_TOO_SMALL with required %zu, len %zu", t->required, t->len);
    }
}

static el_status last_message(void* h, char* b, size_t l, size_t* r);

static el_status call_out(out_text* t, el_status (*fn)(void*, char*, size_t, size_t*), void* handle)
{
    before();
    el_status s = fn(handle, t->pass_buf ? t->bytes : NULL, t->len, t->pass_required ? &t->required : NULL);
    if (fn == last_message) {
        /* Reading the last error never replaces it, whatever the outcome. */
        RULE(defined_status(s), "status %d", (int)s);
        RULE(el_last_error_status() == before_status, "el_last_error_message changed the last error");
    } else {
        after(s, t->len == 0);
    }
    out_check(t, s);
    return s;
}

/* Thin adapters so the caller-buffer functions share call_out. */
static el_status ctx_text(void* h, char* b, size_t l, size_t* r) { return el_context_text((const el_context*)h, b, l, r); }
static el_status sub_text(void* h, char* b, size_t l, size_t* r) { return el_subobject_text((const el_subobject*)h, b, l, r); }
static el_status last_message(void* h, char* b, size_t l, size_t* r) { (void)h; return el_last_error_message(b, l, r); }
static el_case g_case;
static el_device_flags g_flags;
static el_foo g_foo;
static el_status alphabet(void* h, char* b, size_t l, size_t* r) { (void)h; return el_alphabet_write(g_case, b, l, r); }
static el_status flags_describe(void* h, char* b, size_t l, size_t* r) { (void)h; return el_device_flags_describe(g_flags, b, l, r); }
static el_status foo_describe(void* h, char* b, size_t l, size_t* r) { return el_foo_describe(h ? &g_foo : NULL, b, l, r); }

/* The handle pool: slots hold whatever the program last put there, live or not. */
enum { SLOTS = 6 };
static el_context* contexts[SLOTS];
static el_subobject* subs[SLOTS];
static el_event_loop* loops[SLOTS];

static void* any_handle(program* p, void* const* own, void* const* other1, void* const* other2)
{
    uint8_t pick = take8(p);
    switch (pick % 6) {
    case 0: return NULL;
    case 1: return other1[pick / 6 % SLOTS];
    case 2: return other2[pick / 6 % SLOTS];
    case 3: return (void*)(uintptr_t)take64(p); /* made up */
    default: return own[pick / 6 % SLOTS];
    }
}

static el_context* a_context(program* p) { return any_handle(p, (void* const*)contexts, (void* const*)subs, (void* const*)loops); }
static el_subobject* a_sub(program* p) { return any_handle(p, (void* const*)subs, (void* const*)contexts, (void* const*)loops); }
static el_event_loop* a_loop(program* p) { return any_handle(p, (void* const*)loops, (void* const*)contexts, (void* const*)subs); }

/* Text from the program: NUL-terminated, any bytes (so often invalid UTF-8). */
static void take_text(program* p, char* text, size_t cap)
{
    size_t n = take_len(p, cap - 1);
    for (size_t i = 0; i < n; i++) {
        text[i] = (char)take8(p);
    }
    text[n] = '\0';
}

static int32_t map_scale(void* user_data, int32_t x) { return (int32_t)((uint32_t)x * (uint32_t)*(int32_t*)user_data); }
static int32_t drain_stop(void* user_data, const el_event* ev)
{
    RULE(ev != NULL && ev->sequence >= 1, "a drained event without sequence");
    return ev->sequence % 4 == *(uint64_t*)user_data % 4;
}
static size_t log_calls;
static void log_check(void* user_data, el_log_level level, const char* message)
{
    (void)user_data;
    RULE(level >= EL_LOG_TRACE && level <= EL_LOG_ERROR, "log level %d", (int)level);
    RULE(message != NULL && valid_utf8((const uint8_t*)message, strlen(message)), "log message is not UTF-8");
    log_calls++;
}

static void free_all(void)
{
    for (int i = 0; i < SLOTS; i++) {
        el_subobject_free(subs[i]);
        el_context_free(contexts[i]);
        el_event_loop_free(loops[i]);
        subs[i] = NULL;
        contexts[i] = NULL;
        loops[i] = NULL;
    }
}

static void step(program* p)
{
    uint8_t op = take8(p);
    uint8_t slot = take8(p) % SLOTS;
    out_text t;
    el_status s;
    char text[64];
    switch (op % 24) {
    case 0: { /* create, both ways; an occupied slot is freed first so nothing leaks */
        el_context_free(contexts[slot]);
        el_case c = (el_case)(int32_t)take8(p) - 1;
        if (take8(p) & 1) {
            before();
            contexts[slot] = el_context_new(c);
            if (contexts[slot] == NULL) {
                RULE(el_last_error_status() == EL_ERR_INVALID_ARGUMENT, "el_context_new failed with %d", (int)el_last_error_status());
            }
        } else {
            el_context* out = (el_context*)(uintptr_t)0x5A5A;
            before();
            s = el_context_create(c, &out);
            after(s, false);
            RULE(s == EL_OK ? out != NULL : out == NULL, "handle out-parameter on %d", (int)s);
            contexts[slot] = out;
        }
        break;
    }
    case 1: el_context_free(a_context(p)); break;
    case 2: before(); s = el_context_to_upper(a_context(p)); after(s, false); break;
    case 3: before(); s = el_context_to_lower(a_context(p)); after(s, false); break;
    case 4: {
        bool value = (take8(p) & 1) != 0, old = value;
        el_context* ctx = a_context(p);
        before();
        s = (op & 32) ? el_context_is_upper(ctx, &value) : el_context_is_lower(ctx, &value);
        after(s, false);
        RULE(s == EL_OK || value == old, "a failed query wrote its out-parameter");
        break;
    }
    case 5: {
        el_case value = (el_case)77;
        before();
        s = el_context_state(a_context(p), (take8(p) & 7) ? &value : NULL);
        after(s, false);
        RULE(s == EL_OK ? (value >= EL_CASE_LOWER && value <= EL_CASE_INVALID) : value == (el_case)77, "state %d on %d", (int)value, (int)s);
        break;
    }
    case 6: take_text(p, text, sizeof text); before(); s = el_context_set_text(a_context(p), (take8(p) & 7) ? text : NULL); after(s, false); break;
    case 7: out_prepare(&t, p); call_out(&t, ctx_text, a_context(p)); break;
    case 8: {
        el_subobject_free(subs[slot]);
        el_subobject* out = (el_subobject*)(uintptr_t)0x5A5A;
        size_t start = take_len(p, 40), len = take_len(p, 40);
        before();
        s = el_context_subobject(a_context(p), start, len, &out);
        after(s, false);
        RULE(s == EL_OK ? out != NULL : out == NULL, "handle out-parameter on %d", (int)s);
        subs[slot] = out;
        break;
    }
    case 9: out_prepare(&t, p); call_out(&t, sub_text, a_sub(p)); break;
    case 10: el_subobject_free(a_sub(p)); break;
    case 11: g_case = (el_case)(int32_t)take8(p) - 1; out_prepare(&t, p); call_out(&t, alphabet, NULL); break;
    case 12: g_flags = (el_device_flags)take64(p) & (take8(p) & 1 ? EL_DEVICE_FLAGS_ALL : 0xFFFFFFFFu); out_prepare(&t, p); call_out(&t, flags_describe, NULL); break;
    case 13: {
        take_text(p, text, sizeof text);
        el_device_flags value = 0xA5A5A5A5u;
        before();
        s = el_device_flags_parse(text, &value);
        after(s, false);
        RULE(s == EL_OK ? (value & ~EL_DEVICE_FLAGS_ALL) == 0 : value == 0xA5A5A5A5u, "parse wrote %x on %d", value, (int)s);
        break;
    }
    case 14: {
        el_event_loop_free(loops[slot]);
        el_event_loop* out = (el_event_loop*)(uintptr_t)0x5A5A;
        before();
        s = el_event_loop_start(&out);
        after(s, false);
        RULE(s == EL_OK && out != NULL, "el_event_loop_start: %d", (int)s);
        loops[slot] = out;
        break;
    }
    case 15: before(); s = el_event_loop_post(a_loop(p), (el_event_kind)((int32_t)take8(p) - 1), (int64_t)take64(p)); after(s, false); break;
    case 16: {
        el_event ev;
        memset(&ev, 0xAA, sizeof ev);
        bool has = true;
        before();
        s = el_event_loop_next(a_loop(p), &ev, &has);
        after(s, false);
        if (s == EL_OK && has) {
            RULE(ev.sequence >= 1 && ev.kind >= EL_EVENT_TICK && ev.kind <= EL_EVENT_QUIT, "event %d/%llu", (int)ev.kind, (unsigned long long)ev.sequence);
        } else {
            RULE(((uint8_t*)&ev)[0] == 0xAA, "next wrote its event without one");
        }
        break;
    }
    case 17: {
        uint64_t stop = take8(p);
        size_t visited = 12345;
        before();
        s = el_event_loop_drain(a_loop(p), (take8(p) & 7) ? drain_stop : NULL, &stop, &visited);
        after(s, false);
        RULE(s == EL_OK || visited == 12345, "drain wrote visited on %d", (int)s);
        break;
    }
    case 18: el_event_loop_free(a_loop(p)); break;
    case 19: {
        int32_t in[16], out[16], k = (int32_t)take8(p) - 128;
        size_t n = take_len(p, 16);
        for (size_t i = 0; i < 16; i++) {
            in[i] = (int32_t)take64(p);
            out[i] = 0x55555555;
        }
        bool alias = (take8(p) & 1) != 0;
        int32_t* target = alias ? in : out;
        int32_t expected[16];
        for (size_t i = 0; i < n; i++) {
            expected[i] = map_scale(&k, in[i]);
        }
        before();
        s = el_map_i32(in, target, n, (take8(p) & 7) ? map_scale : NULL, &k);
        after(s, false);
        if (s == EL_OK) {
            RULE(memcmp(target, expected, n * sizeof(int32_t)) == 0, "el_map_i32 results differ");
        }
        break;
    }
    case 20: {
        take_text(p, text, sizeof text);
        char* out = (char*)(uintptr_t)0x5A5A;
        before();
        s = el_string_reverse((take8(p) & 7) ? text : NULL, &out);
        after(s, false);
        if (s == EL_OK) {
            RULE(out != NULL && valid_utf8((const uint8_t*)out, strlen(out)) && strlen(out) == strlen(text), "reverse result");
            el_string_free(out);
        } else {
            RULE(out == (char*)(uintptr_t)0x5A5A, "el_string_reverse wrote its out-parameter on %d", (int)s);
        }
        break;
    }
    case 21: {
        uint16_t units[32], back[32];
        take_text(p, text, sizeof text);
        size_t required = 0, units_len = take_len(p, 32);
        before();
        s = el_utf8_to_utf16(text, strlen(text), units, units_len, &required);
        after(s, units_len == 0);
        if (s == EL_OK) {
            before();
            el_status r = el_utf16_to_utf8(units, required - 1, (char*)back, sizeof back, &required);
            after(r, false);
            RULE(r == EL_OK && strcmp((char*)back, text) == 0, "UTF-8 -> UTF-16 -> UTF-8 changed the text");
        }
        for (size_t i = 0; i < 32; i++) {
            units[i] = (uint16_t)take64(p);
        }
        size_t in_len = take_len(p, 32), out_len = take_len(p, sizeof text);
        before();
        s = el_utf16_to_utf8(units, in_len, text, out_len, &required);
        after(s, out_len == 0);
        break;
    }
    case 22: {
        el_status code = (el_status)(int32_t)take64(p);
        const char* name = el_status_name(code);
        RULE(name != NULL && valid_utf8((const uint8_t*)name, strlen(name)), "el_status_name");
        out_prepare(&t, p);
        call_out(&t, last_message, NULL);
        if (take8(p) % 8 == 0) {
            el_clear_last_error();
            RULE(el_last_error_status() == EL_OK, "clear");
        }
        if (take8(p) % 16 == 0) {
            before();
            s = el_set_log_callback((take8(p) & 1) ? log_check : NULL, NULL);
            after(s, false);
        }
        break;
    }
    default: {
        uint8_t bytes[64];
        size_t n = take_len(p, sizeof bytes);
        for (size_t i = 0; i < n; i++) {
            bytes[i] = take8(p);
        }
        uint32_t crc = (uint32_t)take64(p);
        bool null_data = (take8(p) & 7) == 0;
        RULE(el_crc32(crc, null_data ? NULL : bytes, n) == (null_data ? crc : el_crc32(crc, bytes, n)), "crc32 of NULL");
        (void)el_xxh3_64(null_data ? NULL : bytes, n, take64(p));
        g_foo = (take8(p) & 1) ? el_foo_bar_new((int32_t)take64(p)) : el_foo_baz_new(take8(p) & 1, (double)(int64_t)take64(p) / 7.0);
        if (take8(p) & 1) {
            g_foo.tag = (el_foo_tag)(int32_t)take64(p);
        }
        out_prepare(&t, p);
        call_out(&t, foo_describe, (take8(p) & 7) ? &g_foo : NULL);
        el_type_layout layout = { 1, 2, 3 };
        take_text(p, text, sizeof text);
        before();
        s = el_abi_type_layout((take8(p) & 3) ? "el_example" : text, &layout);
        after(s, false);
        RULE(s == EL_OK || (layout.size == 1 && layout.align == 2 && layout.field_count == 3), "layout written on %d", (int)s);
        break;
    }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    program p = { data, size };
    for (int steps = 0; p.size > 0 && steps < 256; steps++) {
        step(&p);
    }
    free_all();
    el_set_log_callback(NULL, NULL);
    RULE(el_debug_live_handles() == 0, "%zu handles or strings still live after freeing everything", el_debug_live_handles());
    return 0;
}

/* The bad-input table: every function, given NULLs, stale / foreign / double-freed handles, unknown enum values,
   invalid text and short buffers, returns the documented status, writes nothing and does not crash. */
#include "check.h"

static unsigned char sentinel[64];
static size_t required_sentinel;

static void arm(void)
{
    memset(sentinel, 0x5A, sizeof sentinel);
    required_sentinel = 0xABCD;
}

static int untouched(void)
{
    for (size_t i = 0; i < sizeof sentinel; i++) {
        if (sentinel[i] != 0x5A) return 0;
    }
    return required_sentinel == 0xABCD;
}

static int rows;

/* One row: arm the sentinels, make the call, compare the status, check nothing was written. */
#define BAD(call, expected)                                                                                  \
    do {                                                                                                     \
        rows++;                                                                                              \
        arm();                                                                                               \
        CHECK_STATUS(call, expected);                                                                        \
        if (!untouched()) fprintf(stderr, "%s:%d: %s wrote into an output\n", __FILE__, __LINE__, #call);   \
        CHECK(untouched());                                                                                  \
        CHECK_U64(el_last_error_status(), expected);                                                         \
    } while (0)

/* For void functions: the last error tells. */
#define BAD_VOID(call, expected)                                                                             \
    do {                                                                                                     \
        rows++;                                                                                              \
        el_clear_last_error();                                                                               \
        call;                                                                                                \
        CHECK_U64(el_last_error_status(), expected);                                                         \
    } while (0)

static int32_t map_identity(void* user_data, int32_t x) { (void)user_data; return x; }
static int32_t drain_any(void* user_data, const el_event* ev) { (void)user_data; (void)ev; return 0; }

int main(void)
{
    char* buf = (char*)sentinel;
    size_t* required = &required_sentinel;
    el_type_layout* layout_out = (el_type_layout*)sentinel;
    uint32_t* u32_out = (uint32_t*)sentinel;
    bool* bool_out = (bool*)sentinel;
    el_case* case_out = (el_case*)sentinel;
    el_device_flags* flags_out = (el_device_flags*)sentinel;
    el_event* event_out = (el_event*)sentinel;
    uint16_t* u16_out = (uint16_t*)sentinel;

    /* Live handles of every kind, then stale (freed) ones and foreign values. */
    el_context* ctx = el_context_new(EL_CASE_LOWER);
    el_subobject* sub = NULL;
    CHECK_STATUS(el_context_subobject(ctx, 0, 3, &sub), EL_OK);
    el_event_loop* loop = NULL;
    CHECK_STATUS(el_event_loop_start(&loop), EL_OK);

    el_context* stale_ctx = el_context_new(EL_CASE_UPPER);
    el_context_free(stale_ctx);
    el_event_loop* stale_loop = NULL;
    el_event_loop_start(&stale_loop);
    el_event_loop_free(stale_loop);
    el_subobject* stale_sub = NULL;
    el_context_subobject(ctx, 0, 1, &stale_sub);
    el_subobject_free(stale_sub);

    int local = 0;
    void* out_slot = (void*)0x1; /* a pointer-sized out-parameter that must come back NULL */
    el_context* foreign_ctx[] = { (el_context*)loop, (el_context*)sub, (el_context*)&local, (el_context*)0x10,
                                  (el_context*)(uintptr_t)UINTPTR_MAX, (el_context*)(uintptr_t)0x7FFFFFFFFFFFFFFFull, stale_ctx };
    el_event_loop* foreign_loop[] = { (el_event_loop*)ctx, (el_event_loop*)sub, (el_event_loop*)&local, (el_event_loop*)0x1000, stale_loop };
    el_subobject* foreign_sub[] = { (el_subobject*)ctx, (el_subobject*)loop, (el_subobject*)&local, (el_subobject*)0x8, stale_sub };

    /* Section 1. */
    rows++;
    el_clear_last_error();
    CHECK_STATUS(el_last_error_message(NULL, 4, required), EL_ERR_NULL_ARGUMENT); /* and records nothing */
    CHECK_U64(el_last_error_status(), EL_OK);
    CHECK_STR(el_status_name((el_status)12345), "EL_UNKNOWN_STATUS");

    /* Section 4. */
    BAD(el_abi_type_layout(NULL, layout_out), EL_ERR_NULL_ARGUMENT);
    BAD(el_abi_type_layout("el_point", NULL), EL_ERR_NULL_ARGUMENT);
    BAD(el_abi_type_layout("el_nothing", layout_out), EL_ERR_INVALID_ARGUMENT);
    BAD(el_abi_type_layout("\xff", layout_out), EL_ERR_INVALID_ARGUMENT);
    BAD(el_abi_field_offset(NULL, "x", u32_out), EL_ERR_NULL_ARGUMENT);
    BAD(el_abi_field_offset("el_point", NULL, u32_out), EL_ERR_NULL_ARGUMENT);
    BAD(el_abi_field_offset("el_point", "x", NULL), EL_ERR_NULL_ARGUMENT);
    BAD(el_abi_field_offset("el_point", "w", u32_out), EL_ERR_INVALID_ARGUMENT);
    BAD(el_abi_field_offset("el_pointy", "x", u32_out), EL_ERR_INVALID_ARGUMENT);
    CHECK_U64(el_example_sum(NULL), 0);

    /* Section 5. */
    BAD(el_device_flags_describe(0x4, buf, sizeof sentinel, required), EL_ERR_INVALID_ARGUMENT);
    BAD(el_device_flags_describe(0xFFFFFFFFu, buf, sizeof sentinel, required), EL_ERR_INVALID_ARGUMENT);
    BAD(el_device_flags_describe(1, NULL, 8, required), EL_ERR_NULL_ARGUMENT);
    BAD(el_device_flags_describe(3, buf, 3, NULL), EL_ERR_BUFFER_TOO_SMALL);
    BAD(el_device_flags_parse(NULL, flags_out), EL_ERR_NULL_ARGUMENT);
    BAD(el_device_flags_parse("DEBUG", NULL), EL_ERR_NULL_ARGUMENT);
    BAD(el_device_flags_parse("DEBUG|BOGUS", flags_out), EL_ERR_INVALID_ARGUMENT);
    BAD(el_device_flags_parse("2", flags_out), EL_ERR_INVALID_ARGUMENT);

    /* Section 6. */
    el_foo foo = el_foo_bar_new(1);
    el_foo weird = foo;
    weird.tag = (el_foo_tag)77;
    BAD(el_foo_describe(NULL, buf, sizeof sentinel, required), EL_ERR_NULL_ARGUMENT);
    BAD(el_foo_describe(&weird, buf, sizeof sentinel, required), EL_ERR_INVALID_ARGUMENT);
    BAD(el_foo_describe(&foo, NULL, 9, required), EL_ERR_NULL_ARGUMENT);
    BAD(el_foo_describe(&foo, buf, 2, NULL), EL_ERR_BUFFER_TOO_SMALL);

    /* Section 7: every context function with NULL and with every foreign or stale handle. */
    BAD(el_context_create(EL_CASE_LOWER, NULL), EL_ERR_NULL_ARGUMENT);
    BAD(el_context_create((el_case)9, (el_context**)&out_slot), EL_ERR_INVALID_ARGUMENT);
    CHECK(out_slot == NULL); /* a handle out-parameter is set to NULL on failure */
    BAD(el_context_to_upper(NULL), EL_ERR_NULL_ARGUMENT);
    BAD(el_context_to_lower(NULL), EL_ERR_NULL_ARGUMENT);
    BAD(el_context_is_upper(NULL, bool_out), EL_ERR_NULL_ARGUMENT);
    BAD(el_context_is_lower(NULL, bool_out), EL_ERR_NULL_ARGUMENT);
    BAD(el_context_is_upper(ctx, NULL), EL_ERR_NULL_ARGUMENT);
    BAD(el_context_is_lower(ctx, NULL), EL_ERR_NULL_ARGUMENT);
    BAD(el_context_state(NULL, case_out), EL_ERR_NULL_ARGUMENT);
    BAD(el_context_state(ctx, NULL), EL_ERR_NULL_ARGUMENT);
    BAD(el_context_set_text(NULL, "x"), EL_ERR_NULL_ARGUMENT);
    BAD(el_context_set_text(ctx, NULL), EL_ERR_NULL_ARGUMENT);
    BAD(el_context_text(NULL, buf, sizeof sentinel, required), EL_ERR_NULL_ARGUMENT);
    BAD(el_context_text(ctx, NULL, 5, required), EL_ERR_NULL_ARGUMENT);
    out_slot = (void*)0x1;
    BAD(el_context_subobject(NULL, 0, 1, (el_subobject**)&out_slot), EL_ERR_NULL_ARGUMENT);
    CHECK(out_slot == NULL);
    BAD(el_context_subobject(ctx, 0, 1, NULL), EL_ERR_NULL_ARGUMENT);
    for (size_t i = 0; i < sizeof foreign_ctx / sizeof foreign_ctx[0]; i++) {
        el_context* h = foreign_ctx[i];
        BAD(el_context_to_upper(h), EL_ERR_INVALID_HANDLE);
        BAD(el_context_to_lower(h), EL_ERR_INVALID_HANDLE);
        BAD(el_context_is_upper(h, bool_out), EL_ERR_INVALID_HANDLE);
        BAD(el_context_is_lower(h, bool_out), EL_ERR_INVALID_HANDLE);
        BAD(el_context_state(h, case_out), EL_ERR_INVALID_HANDLE);
        BAD(el_context_set_text(h, "abc"), EL_ERR_INVALID_HANDLE);
        BAD(el_context_text(h, buf, sizeof sentinel, required), EL_ERR_INVALID_HANDLE);
        el_subobject* s = (el_subobject*)0x1;
        BAD(el_context_subobject(h, 0, 1, &s), EL_ERR_INVALID_HANDLE);
        CHECK(s == NULL);
        BAD_VOID(el_context_free(h), EL_ERR_INVALID_HANDLE);
    }
    BAD(el_context_set_text(ctx, "\xC0\x80"), EL_ERR_INVALID_UTF8);
    BAD(el_context_set_text(ctx, "ok"), EL_ERR_BORROWED); /* sub is live */
    BAD(el_context_to_upper(ctx), EL_ERR_BORROWED);
    BAD(el_subobject_text(NULL, buf, sizeof sentinel, required), EL_ERR_NULL_ARGUMENT);
    BAD(el_subobject_text(sub, NULL, 3, required), EL_ERR_NULL_ARGUMENT);
    BAD(el_subobject_text(sub, buf, 2, NULL), EL_ERR_BUFFER_TOO_SMALL);
    for (size_t i = 0; i < sizeof foreign_sub / sizeof foreign_sub[0]; i++) {
        BAD(el_subobject_text(foreign_sub[i], buf, sizeof sentinel, required), EL_ERR_INVALID_HANDLE);
        BAD_VOID(el_subobject_free(foreign_sub[i]), EL_ERR_INVALID_HANDLE);
    }
    BAD_VOID(el_subobject_free(NULL), EL_OK);
    BAD_VOID(el_context_free(NULL), EL_OK);
    CHECK_U64(el_alphabet_copy(EL_CASE_INVALID, buf, sizeof sentinel), (size_t)-1);
    CHECK(untouched());
    BAD(el_alphabet_write((el_case)-3, buf, sizeof sentinel, required), EL_ERR_INVALID_ARGUMENT);
    BAD(el_alphabet_write(EL_CASE_UPPER, NULL, 30, required), EL_ERR_NULL_ARGUMENT);
    BAD(el_alphabet_write(EL_CASE_UPPER, buf, 26, NULL), EL_ERR_BUFFER_TOO_SMALL);

    /* Section 8. */
    BAD(el_event_loop_start(NULL), EL_ERR_NULL_ARGUMENT);
    BAD(el_event_loop_post(NULL, EL_EVENT_TICK, 0), EL_ERR_NULL_ARGUMENT);
    BAD(el_event_loop_post(loop, (el_event_kind)3, 0), EL_ERR_INVALID_ARGUMENT);
    BAD(el_event_loop_next(NULL, event_out, bool_out), EL_ERR_NULL_ARGUMENT);
    BAD(el_event_loop_next(loop, NULL, bool_out), EL_ERR_NULL_ARGUMENT);
    BAD(el_event_loop_next(loop, event_out, NULL), EL_ERR_NULL_ARGUMENT);
    BAD(el_event_loop_drain(NULL, drain_any, NULL, required), EL_ERR_NULL_ARGUMENT);
    BAD(el_event_loop_drain(loop, NULL, NULL, required), EL_ERR_NULL_ARGUMENT);
    for (size_t i = 0; i < sizeof foreign_loop / sizeof foreign_loop[0]; i++) {
        el_event_loop* h = foreign_loop[i];
        BAD(el_event_loop_post(h, EL_EVENT_TICK, 1), EL_ERR_INVALID_HANDLE);
        BAD(el_event_loop_next(h, event_out, bool_out), EL_ERR_INVALID_HANDLE);
        BAD(el_event_loop_drain(h, drain_any, NULL, required), EL_ERR_INVALID_HANDLE);
        BAD_VOID(el_event_loop_free(h), EL_ERR_INVALID_HANDLE);
    }
    BAD_VOID(el_event_loop_free(NULL), EL_OK);

    /* Section 9. */
    int32_t values[2] = { 1, 2 };
    BAD(el_map_i32(values, values, 2, NULL, NULL), EL_ERR_NULL_ARGUMENT);
    BAD(el_map_i32(NULL, values, 2, map_identity, NULL), EL_ERR_NULL_ARGUMENT);
    BAD(el_map_i32(values, NULL, 2, map_identity, NULL), EL_ERR_NULL_ARGUMENT);

    /* Section 10. */
    BAD(el_utf8_to_utf16(NULL, 1, u16_out, 8, required), EL_ERR_NULL_ARGUMENT);
    BAD(el_utf8_to_utf16("a", 1, NULL, 8, required), EL_ERR_NULL_ARGUMENT);
    BAD(el_utf8_to_utf16("\xE2\x82", 2, u16_out, 8, required), EL_ERR_INVALID_UTF8);
    BAD(el_utf8_to_utf16("abc", 3, u16_out, 3, NULL), EL_ERR_BUFFER_TOO_SMALL);
    const uint16_t lone[] = { 0xDBFF };
    BAD(el_utf16_to_utf8(NULL, 1, buf, 8, required), EL_ERR_NULL_ARGUMENT);
    BAD(el_utf16_to_utf8(lone, 1, NULL, 8, required), EL_ERR_NULL_ARGUMENT);
    BAD(el_utf16_to_utf8(lone, 1, buf, 8, required), EL_ERR_INVALID_UTF16);
    /* Not a handle out-parameter: left unchanged on failure. */
    out_slot = (void*)0x1;
    BAD(el_string_reverse(NULL, (char**)&out_slot), EL_ERR_NULL_ARGUMENT);
    CHECK(out_slot == (void*)0x1);
    BAD(el_string_reverse("x", NULL), EL_ERR_NULL_ARGUMENT);
    BAD(el_string_reverse("\xF8\x88\x80\x80\x80", (char**)&out_slot), EL_ERR_INVALID_UTF8);
    CHECK(out_slot == (void*)0x1);
    BAD_VOID(el_string_free((char*)&local), EL_ERR_INVALID_HANDLE);
    BAD_VOID(el_string_free(NULL), EL_OK);

    /* Section 11. */
    rows++;
    el_clear_last_error();
    CHECK_U64(el_crc32(7, NULL, 1), 7);
    CHECK_U64(el_last_error_status(), EL_ERR_NULL_ARGUMENT);
    el_clear_last_error();
    CHECK_U64(el_xxh3_64(NULL, 1, 0), el_xxh3_64((const uint8_t*)"", 0, 0));
    CHECK_U64(el_last_error_status(), EL_ERR_NULL_ARGUMENT);

    /* The live handles still work after all that. */
    CHECK_STR(check_last_message() != NULL ? "ok" : "", "ok");
    el_subobject_free(sub);
    CHECK_STATUS(el_context_to_upper(ctx), EL_OK);
    el_context_free(ctx);
    el_event_loop_free(loop);
    CHECK_U64(el_debug_live_handles(), 0);

    printf("bad-input table: %d rows\n", rows);
    return check_report("bad_input");
}

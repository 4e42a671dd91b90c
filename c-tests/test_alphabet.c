/* Contract section 7: the alphabet context, sub-objects that borrow it, and caller-provided buffers. */
#include "check.h"

static const char* text_of(const el_context* ctx)
{
    static char buf[256];
    el_status s = el_context_text(ctx, buf, sizeof buf, NULL);
    return s == EL_OK ? buf : el_status_name(s);
}

static const char* sub_text(const el_subobject* sub)
{
    static char buf[256];
    el_status s = el_subobject_text(sub, buf, sizeof buf, NULL);
    return s == EL_OK ? buf : el_status_name(s);
}

static el_case state_of(const el_context* ctx)
{
    el_case c = (el_case)-1;
    return el_context_state(ctx, &c) == EL_OK ? c : (el_case)-1;
}

int main(void)
{
    const char* lower = "abcdefghijklmnopqrstuvwxyz";
    const char* upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    size_t live_at_start = el_debug_live_handles();

    /* Implementation-managed allocation. */
    el_context* ctx = el_context_new(EL_CASE_LOWER);
    CHECK(ctx != NULL);
    CHECK_STR(text_of(ctx), lower);
    CHECK_U64(state_of(ctx), EL_CASE_LOWER);
    bool flag = false;
    CHECK_STATUS(el_context_is_lower(ctx, &flag), EL_OK);
    CHECK(flag == true);
    CHECK_STATUS(el_context_is_upper(ctx, &flag), EL_OK);
    CHECK(flag == false);
    CHECK_STATUS(el_context_to_upper(ctx), EL_OK);
    CHECK_STR(text_of(ctx), upper);
    CHECK_U64(state_of(ctx), EL_CASE_UPPER);
    CHECK_STATUS(el_context_to_upper(ctx), EL_OK);
    CHECK_STR(text_of(ctx), upper);
    CHECK_STATUS(el_context_to_lower(ctx), EL_OK);
    CHECK_STR(text_of(ctx), lower);

    /* Out-pointer allocation. */
    el_context* up = NULL;
    CHECK_STATUS(el_context_create(EL_CASE_UPPER, &up), EL_OK);
    CHECK(up != NULL && up != ctx);
    CHECK_STR(text_of(up), upper);

    /* Invalid initial states. */
    el_clear_last_error();
    CHECK(el_context_new(EL_CASE_INVALID) == NULL);
    CHECK_U64(el_last_error_status(), EL_ERR_INVALID_ARGUMENT);
    CHECK(el_context_new((el_case)7) == NULL);
    CHECK(el_context_new((el_case)-1) == NULL);
    el_context* bad = (el_context*)0x1;
    CHECK_STATUS(el_context_create(EL_CASE_INVALID, &bad), EL_ERR_INVALID_ARGUMENT);
    CHECK(bad == NULL);
    bad = (el_context*)0x1;
    CHECK_STATUS(el_context_create((el_case)3, &bad), EL_ERR_INVALID_ARGUMENT);
    CHECK(bad == NULL);

    /* Text: any valid UTF-8; the state follows it. */
    CHECK_STATUS(el_context_set_text(ctx, "h\xC3\xA9llo w\xC3\xB6rld \xE2\x82\xAC \xF0\x9F\x98\x80"), EL_OK);
    CHECK_STR(text_of(ctx), "h\xC3\xA9llo w\xC3\xB6rld \xE2\x82\xAC \xF0\x9F\x98\x80");
    CHECK_U64(state_of(ctx), EL_CASE_INVALID);
    CHECK_STATUS(el_context_to_upper(ctx), EL_ERR_INVALID_STATE);
    CHECK_STATUS(el_context_to_lower(ctx), EL_ERR_INVALID_STATE);
    CHECK_STR(text_of(ctx), "h\xC3\xA9llo w\xC3\xB6rld \xE2\x82\xAC \xF0\x9F\x98\x80");
    CHECK_STATUS(el_context_set_text(ctx, upper), EL_OK);
    CHECK_U64(state_of(ctx), EL_CASE_UPPER);
    CHECK_STATUS(el_context_set_text(ctx, ""), EL_OK);
    CHECK_STR(text_of(ctx), "");
    CHECK_U64(state_of(ctx), EL_CASE_INVALID);

    /* Invalid UTF-8 leaves the context unchanged. */
    CHECK_STATUS(el_context_set_text(ctx, lower), EL_OK);
    const char* invalid[] = { "\xff", "ab\xC3", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\x80", "\xF0\x9F\x98" };
    for (size_t i = 0; i < sizeof invalid / sizeof invalid[0]; i++) {
        CHECK_STATUS(el_context_set_text(ctx, invalid[i]), EL_ERR_INVALID_UTF8);
        CHECK_STR(text_of(ctx), lower);
    }

    /* Buffer rules for the text. */
    size_t required = 0;
    char small[8] = "1234567";
    CHECK_STATUS(el_context_text(ctx, NULL, 0, &required), EL_ERR_BUFFER_TOO_SMALL);
    CHECK_U64(required, 27);
    CHECK_STATUS(el_context_text(ctx, small, sizeof small, &required), EL_ERR_BUFFER_TOO_SMALL);
    CHECK_STR(small, "1234567");
    char exact[27];
    CHECK_STATUS(el_context_text(ctx, exact, sizeof exact, &required), EL_OK);
    CHECK_STR(exact, lower);

    /* Sub-objects borrow the context. */
    el_subobject* sub = NULL;
    CHECK_STATUS(el_context_subobject(ctx, 2, 5, &sub), EL_OK);
    CHECK(sub != NULL);
    CHECK_STR(sub_text(sub), "cdefg");
    el_subobject* whole = NULL;
    CHECK_STATUS(el_context_subobject(ctx, 0, 26, &whole), EL_OK);
    CHECK_STR(sub_text(whole), lower);
    el_subobject* empty = NULL;
    CHECK_STATUS(el_context_subobject(ctx, 26, 0, &empty), EL_OK);
    CHECK_STR(sub_text(empty), "");

    CHECK_STATUS(el_context_to_upper(ctx), EL_ERR_BORROWED);
    CHECK_STATUS(el_context_to_lower(ctx), EL_ERR_BORROWED);
    CHECK_STATUS(el_context_set_text(ctx, "other"), EL_ERR_BORROWED);
    CHECK_STR(text_of(ctx), lower);
    CHECK_STATUS(el_context_is_lower(ctx, &flag), EL_OK); /* reading is fine while borrowed */
    CHECK(flag);

    el_subobject_free(sub);
    el_subobject_free(whole);
    CHECK_STATUS(el_context_to_upper(ctx), EL_ERR_BORROWED); /* one borrow left */
    el_subobject_free(empty);
    CHECK_STATUS(el_context_to_upper(ctx), EL_OK);
    CHECK_STR(text_of(ctx), upper);

    /* Freed sub-objects are invalid; freeing twice is safe and recorded. */
    CHECK_STATUS(el_subobject_text(sub, small, sizeof small, NULL), EL_ERR_INVALID_HANDLE);
    el_clear_last_error();
    el_subobject_free(sub);
    CHECK_U64(el_last_error_status(), EL_ERR_INVALID_HANDLE);

    /* Ranges: outside the text or cutting a UTF-8 character. */
    CHECK_STATUS(el_context_set_text(ctx, "a\xC3\xA9" "b\xE2\x82\xAC"), EL_OK); /* a é b € : bytes 0 1-2 3 4-6 */
    const size_t bad_ranges[][2] = { { 0, 8 }, { 8, 0 }, { 7, 1 }, { 2, 1 }, { 0, 2 }, { 1, 1 }, { 4, 1 }, { 5, 2 }, { (size_t)-1, 2 }, { 2, (size_t)-1 } };
    for (size_t i = 0; i < sizeof bad_ranges / sizeof bad_ranges[0]; i++) {
        el_subobject* s = (el_subobject*)0x1;
        CHECK_STATUS(el_context_subobject(ctx, bad_ranges[i][0], bad_ranges[i][1], &s), EL_ERR_INVALID_ARGUMENT);
        CHECK(s == NULL);
    }
    CHECK_STATUS(el_context_subobject(ctx, 1, 2, &sub), EL_OK);
    CHECK_STR(sub_text(sub), "\xC3\xA9");
    el_subobject* euro = NULL;
    CHECK_STATUS(el_context_subobject(ctx, 4, 3, &euro), EL_OK);
    CHECK_STR(sub_text(euro), "\xE2\x82\xAC");

    /* Freeing the parent invalidates its sub-objects; freeing them afterwards is safe. */
    el_context_free(ctx);
    CHECK_STATUS(el_subobject_text(sub, small, sizeof small, NULL), EL_ERR_INVALID_HANDLE);
    el_clear_last_error();
    el_subobject_free(sub);
    CHECK_U64(el_last_error_status(), EL_ERR_INVALID_HANDLE);
    el_subobject_free(euro);

    /* The freed context is invalid everywhere; double free is recorded, not a crash. */
    CHECK_STATUS(el_context_to_upper(ctx), EL_ERR_INVALID_HANDLE);
    CHECK_STATUS(el_context_is_upper(ctx, &flag), EL_ERR_INVALID_HANDLE);
    el_clear_last_error();
    el_context_free(ctx);
    CHECK_U64(el_last_error_status(), EL_ERR_INVALID_HANDLE);
    el_clear_last_error();
    el_context_free(NULL);
    CHECK_U64(el_last_error_status(), EL_OK);

    /* A stale handle stays invalid after its slot is reused. */
    el_context* reused = el_context_new(EL_CASE_LOWER);
    CHECK(reused != NULL && reused != ctx);
    CHECK_STATUS(el_context_to_upper(ctx), EL_ERR_INVALID_HANDLE);
    CHECK_STR(text_of(reused), lower);
    el_context_free(reused);
    el_context_free(up);

    /* Caller-provided buffer, the size_t style. */
    char alphabet[27];
    CHECK_U64(el_alphabet_copy(EL_CASE_UPPER, alphabet, sizeof alphabet), 0);
    CHECK_STR(alphabet, upper);
    CHECK_U64(el_alphabet_copy(EL_CASE_LOWER, alphabet, 100), 0);
    CHECK_STR(alphabet, lower);
    memset(alphabet, 'x', sizeof alphabet);
    CHECK_U64(el_alphabet_copy(EL_CASE_LOWER, alphabet, 26), 27);
    CHECK(alphabet[0] == 'x' && alphabet[25] == 'x');
    CHECK_U64(el_alphabet_copy(EL_CASE_LOWER, NULL, 0), 27);
    CHECK_U64(el_alphabet_copy(EL_CASE_LOWER, NULL, 100), 27);
    CHECK_U64(el_alphabet_copy(EL_CASE_INVALID, alphabet, sizeof alphabet), (size_t)-1);
    CHECK_U64(el_alphabet_copy((el_case)42, alphabet, sizeof alphabet), (size_t)-1);

    /* ... and the general-rule style. */
    required = 0;
    CHECK_STATUS(el_alphabet_write(EL_CASE_UPPER, alphabet, sizeof alphabet, &required), EL_OK);
    CHECK_STR(alphabet, upper);
    CHECK_U64(required, 27);
    CHECK_STATUS(el_alphabet_write(EL_CASE_LOWER, NULL, 0, &required), EL_ERR_BUFFER_TOO_SMALL);
    CHECK_STATUS(el_alphabet_write(EL_CASE_LOWER, alphabet, 5, &required), EL_ERR_BUFFER_TOO_SMALL);
    CHECK_STATUS(el_alphabet_write(EL_CASE_INVALID, alphabet, sizeof alphabet, &required), EL_ERR_INVALID_ARGUMENT);

    CHECK_U64(el_debug_live_handles(), live_at_start);
    return check_report("alphabet");
}

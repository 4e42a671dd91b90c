/* Contract section 10: UTF-8 <-> UTF-16 with validation, grapheme-cluster reversal, library-owned strings. */
#include "check.h"

static void check_to_utf16(const char* utf8, size_t len, const uint16_t* expected, size_t units)
{
    uint16_t out[64];
    size_t required = 0;
    CHECK_STATUS(el_utf8_to_utf16(utf8, len, out, 64, &required), EL_OK);
    CHECK_U64(required, units + 1);
    CHECK(memcmp(out, expected, units * 2) == 0);
    CHECK_U64(out[units], 0);
    /* And back. */
    char back[128];
    CHECK_STATUS(el_utf16_to_utf8(out, units, back, sizeof back, &required), EL_OK);
    CHECK_U64(required, len + 1);
    CHECK(memcmp(back, utf8, len) == 0 && back[len] == '\0');
}

static const char* reversed(const char* s)
{
    static char copy[256];
    char* out = NULL;
    el_status status = el_string_reverse(s, &out);
    if (status != EL_OK) return el_status_name(status);
    snprintf(copy, sizeof copy, "%s", out);
    el_string_free(out);
    return copy;
}

int main(void)
{
    size_t live_at_start = el_debug_live_handles();

    const uint16_t hello[] = { 'h', 0xE9, 'l', 'l', 'o' };
    check_to_utf16("h\xC3\xA9llo", 6, hello, 5);
    const uint16_t emoji[] = { 0xD83D, 0xDE00, 0x20AC };
    check_to_utf16("\xF0\x9F\x98\x80\xE2\x82\xAC", 7, emoji, 3);
    const uint16_t with_nul[] = { 'a', 0, 'b' };
    check_to_utf16("a\0b", 3, with_nul, 3); /* lengths, not terminators, delimit the input */

    /* NULL s with len == 0 is the empty string. */
    uint16_t u16[8] = { 0xFFFF };
    size_t required = 0;
    CHECK_STATUS(el_utf8_to_utf16(NULL, 0, u16, 8, &required), EL_OK);
    CHECK_U64(required, 1);
    CHECK_U64(u16[0], 0);
    char u8[8] = "xxxx";
    CHECK_STATUS(el_utf16_to_utf8(NULL, 0, u8, 8, &required), EL_OK);
    CHECK_U64(required, 1);
    CHECK_STR(u8, "");

    /* Size queries and short buffers. */
    CHECK_STATUS(el_utf8_to_utf16("h\xC3\xA9llo", 6, NULL, 0, &required), EL_ERR_BUFFER_TOO_SMALL);
    CHECK_U64(required, 6);
    uint16_t small16[5] = { 1, 1, 1, 1, 1 };
    CHECK_STATUS(el_utf8_to_utf16("h\xC3\xA9llo", 6, small16, 5, &required), EL_ERR_BUFFER_TOO_SMALL);
    CHECK(small16[0] == 1 && small16[4] == 1);
    CHECK_STATUS(el_utf16_to_utf8(emoji, 3, NULL, 0, &required), EL_ERR_BUFFER_TOO_SMALL);
    CHECK_U64(required, 8);
    char small8[7] = "abcdef";
    CHECK_STATUS(el_utf16_to_utf8(emoji, 3, small8, 7, &required), EL_ERR_BUFFER_TOO_SMALL);
    CHECK_STR(small8, "abcdef");

    /* Invalid UTF-8: overlong, truncated, surrogates, out of range, stray continuation. Nothing written. */
    const char* bad8[] = { "\xC0\xAF", "\xE0\x80\xAF", "\xF0\x80\x80\xAF", "\xC3", "\xE2\x82", "\xF0\x9F\x98", "\xED\xA0\x80",
                           "\xED\xBF\xBF", "\xF4\x90\x80\x80", "\x80", "\xFF", "a\xFE" "b" };
    for (size_t i = 0; i < sizeof bad8 / sizeof bad8[0]; i++) {
        uint16_t out[16] = { 7 };
        required = 55;
        CHECK_STATUS(el_utf8_to_utf16(bad8[i], strlen(bad8[i]), out, 16, &required), EL_ERR_INVALID_UTF8);
        CHECK_U64(out[0], 7);
        CHECK_U64(required, 55);
    }

    /* Invalid UTF-16: lone and reversed surrogates. */
    const uint16_t lone_high[] = { 'a', 0xD800 };
    const uint16_t lone_low[] = { 0xDC00, 'a' };
    const uint16_t reversed_pair[] = { 0xDE00, 0xD83D };
    const uint16_t high_high[] = { 0xD83D, 0xD83D };
    const uint16_t* bad16[] = { lone_high, lone_low, reversed_pair, high_high };
    for (size_t i = 0; i < 4; i++) {
        char out[16] = "keep";
        CHECK_STATUS(el_utf16_to_utf8(bad16[i], 2, out, sizeof out, &required), EL_ERR_INVALID_UTF16);
        CHECK_STR(out, "keep");
    }

    /* NULL pointers. */
    CHECK_STATUS(el_utf8_to_utf16(NULL, 3, u16, 8, &required), EL_ERR_NULL_ARGUMENT);
    CHECK_STATUS(el_utf8_to_utf16("abc", 3, NULL, 8, &required), EL_ERR_NULL_ARGUMENT);
    CHECK_STATUS(el_utf16_to_utf8(NULL, 3, u8, 8, &required), EL_ERR_NULL_ARGUMENT);
    CHECK_STATUS(el_utf16_to_utf8(hello, 5, NULL, 8, &required), EL_ERR_NULL_ARGUMENT);

    /* Reversal by grapheme clusters. */
    CHECK_STR(reversed("abc"), "cba");
    CHECK_STR(reversed(""), "");
    CHECK_STR(reversed("e\xCC\x81x"), "xe\xCC\x81");                                     /* e + combining acute */
    CHECK_STR(reversed("a\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7" "b"), "b\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7" "a"); /* flag FR */
    CHECK_STR(reversed("1\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7" "2"),
              "2\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7" "1");            /* ZWJ family */
    CHECK_STR(reversed("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD!"), "!\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD");          /* skin tone */
    CHECK_STR(reversed("\r\nx"), "x\r\n");                                                /* CR LF is one cluster */
    CHECK_STR(reversed("\xED\x95\x9C\xEA\xB8\x80"), "\xEA\xB8\x80\xED\x95\x9C");          /* Hangul syllables */

    /* char** is not a handle out-parameter: on failure it is left unchanged. */
    char sentinel_text[] = "unchanged";
    char* out = sentinel_text;
    CHECK_STATUS(el_string_reverse("\xC3\x28", &out), EL_ERR_INVALID_UTF8);
    CHECK(out == sentinel_text);
    CHECK_STATUS(el_string_reverse(NULL, &out), EL_ERR_NULL_ARGUMENT);
    CHECK(out == sentinel_text);
    CHECK_STATUS(el_string_reverse("abc", NULL), EL_ERR_NULL_ARGUMENT);

    /* el_string_free: NULL is nothing; a foreign or already-freed pointer is refused and recorded. */
    el_clear_last_error();
    el_string_free(NULL);
    CHECK_U64(el_last_error_status(), EL_OK);
    char* owned = NULL;
    CHECK_STATUS(el_string_reverse("xy", &owned), EL_OK);
    el_string_free(owned);
    el_string_free(owned);
    CHECK_U64(el_last_error_status(), EL_ERR_INVALID_HANDLE);
    char stack_string[] = "not ours";
    el_clear_last_error();
    el_string_free(stack_string);
    CHECK_U64(el_last_error_status(), EL_ERR_INVALID_HANDLE);

    CHECK_U64(el_debug_live_handles(), live_at_start);
    return check_report("strings");
}

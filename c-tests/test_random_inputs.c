/* Generated inputs, deterministic (fixed seed, fixed count): every text-accepting function must classify input
   exactly as an independent validator does, round-trip what it accepts, and never crash. */
#include <stdlib.h>

#include "check.h"

static uint64_t state = 0x2545F4914F6CDD1Dull;
static uint32_t next(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return (uint32_t)(state >> 11);
}

/* Bytes that are often, but not always, UTF-8: half the rounds use only well-formed pieces (ASCII, 2-, 3- and 4-byte
   sequences), the other half mix in continuation bytes without a lead, truncated sequences, surrogates and
   out-of-range leads. */
static size_t make_utf8ish(unsigned char* out, size_t max)
{
    size_t n = 0, want = next() % max;
    int noisy = next() % 2;
    while (n < want) {
        unsigned pick = next() % (noisy ? 10 : 7);
        if (pick <= 3) {
            out[n++] = (unsigned char)(1 + next() % 0x7F);
        } else if (pick == 4 && n + 2 <= want) {
            out[n++] = (unsigned char)(0xC2 + next() % 30);
            out[n++] = (unsigned char)(0x80 | next() % 0x40);
        } else if (pick == 5 && n + 3 <= want) {
            out[n++] = 0xE2;
            out[n++] = (unsigned char)(0x80 | next() % 0x40);
            out[n++] = (unsigned char)(0x80 | next() % 0x40);
        } else if (pick == 6 && n + 4 <= want) {
            out[n++] = 0xF0;
            out[n++] = (unsigned char)(0x90 | next() % 0x30);
            out[n++] = (unsigned char)(0x80 | next() % 0x40);
            out[n++] = (unsigned char)(0x80 | next() % 0x40);
        } else if (pick == 7) {
            out[n++] = (unsigned char)(0x80 | next() % 0x40);
        } else if (pick == 8) {
            out[n++] = (unsigned char)(0xC0 | next() % 0x40);
        } else if (pick == 9) {
            out[n++] = (unsigned char)(0xED + next() % 19);
        } else if (n < want) {
            out[n++] = 'a';
        }
    }
    return n;
}

static int utf16_is_valid(const uint16_t* s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= 0xD800 && s[i] <= 0xDBFF) {
            if (i + 1 >= n || s[i + 1] < 0xDC00 || s[i + 1] > 0xDFFF) return 0;
            i++;
        } else if (s[i] >= 0xDC00 && s[i] <= 0xDFFF) {
            return 0;
        }
    }
    return 1;
}

int main(void)
{
    enum { ROUNDS = 40000 };
    unsigned char bytes[80];
    char text[81];
    uint16_t units[200];
    char back[400];
    size_t required;
    int accepted = 0, rejected = 0;
    el_context* ctx = el_context_new(EL_CASE_LOWER);

    for (int round = 0; round < ROUNDS; round++) {
        size_t n = make_utf8ish(bytes, sizeof bytes);
        int valid = check_is_utf8(bytes, n);

        /* UTF-8 -> UTF-16 -> UTF-8. */
        el_status s = el_utf8_to_utf16((const char*)bytes, n, units, 200, &required);
        if (s != (valid ? EL_OK : EL_ERR_INVALID_UTF8)) {
            fprintf(stderr, "round %d: el_utf8_to_utf16 gave %s for %s input\n", round, el_status_name(s), valid ? "valid" : "invalid");
        }
        CHECK_STATUS(s, valid ? EL_OK : EL_ERR_INVALID_UTF8);
        if (s == EL_OK) {
            accepted++;
            size_t len16 = required - 1;
            CHECK_STATUS(el_utf16_to_utf8(units, len16, back, sizeof back, &required), EL_OK);
            CHECK_U64(required, n + 1);
            CHECK(memcmp(back, bytes, n) == 0);
        } else {
            rejected++;
        }

        /* The same bytes as a NUL-terminated text (they hold no zero byte). */
        memcpy(text, bytes, n);
        text[n] = '\0';
        CHECK_STATUS(el_context_set_text(ctx, text), valid ? EL_OK : EL_ERR_INVALID_UTF8);
        char* reversed = NULL;
        s = el_string_reverse(text, &reversed);
        CHECK_STATUS(s, valid ? EL_OK : EL_ERR_INVALID_UTF8);
        if (s == EL_OK) {
            CHECK_U64(strlen(reversed), n);
            CHECK(check_is_utf8((const unsigned char*)reversed, n));
            el_string_free(reversed);
        }
        el_type_layout layout;
        s = el_abi_type_layout(text, &layout);
        CHECK(s == EL_OK || s == EL_ERR_INVALID_ARGUMENT);

        /* Random UTF-16, surrogates included. */
        size_t m = next() % 40;
        for (size_t i = 0; i < m; i++) units[i] = (uint16_t)(next() % 4 == 0 ? 0xD800 + next() % 0x800 : next() % 0x10000);
        int valid16 = utf16_is_valid(units, m);
        s = el_utf16_to_utf8(units, m, back, sizeof back, &required);
        CHECK_STATUS(s, valid16 ? EL_OK : EL_ERR_INVALID_UTF16);
        if (s == EL_OK) CHECK(check_is_utf8((const unsigned char*)back, required - 1));

        /* Flag texts from the flags' own alphabet: parse either fails cleanly or round-trips through describe. */
        static const char pieces[][20] = { "DEBUG", "SINGLETHREADED", "VIDEO_SUPPORT", "DISABLE_GPU_TIMEOUT", "|", " ", "DEBU", "x" };
        char flags_text[128] = "";
        for (int k = (int)(next() % 6); k > 0; k--) strcat(flags_text, pieces[next() % 8]);
        el_device_flags f = 0;
        s = el_device_flags_parse(flags_text, &f);
        CHECK(s == EL_OK || s == EL_ERR_INVALID_ARGUMENT);
        if (s == EL_OK) {
            char described[128];
            el_device_flags again = 0xFFFF;
            CHECK_STATUS(el_device_flags_describe(f, described, sizeof described, NULL), EL_OK);
            CHECK_STATUS(el_device_flags_parse(described, &again), EL_OK);
            CHECK_U64(again, f);
        }
    }

    el_context_free(ctx);
    CHECK(accepted > ROUNDS / 3 && rejected > ROUNDS / 3); /* the generator exercises both sides */
    CHECK_U64(el_debug_live_handles(), 0);
    printf("%d valid and %d invalid UTF-8 inputs\n", accepted, rejected);
    return check_report("random_inputs");
}

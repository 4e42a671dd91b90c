/* Contract section 5: el_case, el_device_flags, describe and parse. */
#include "check.h"

static const char* describe(el_device_flags f)
{
    static char buf[128];
    size_t required = 0;
    buf[0] = '\0';
    el_status s = el_device_flags_describe(f, buf, sizeof buf, &required);
    return s == EL_OK ? buf : el_status_name(s);
}

static el_status parse(const char* text, el_device_flags* out)
{
    return el_device_flags_parse(text, out);
}

int main(void)
{
    CHECK_U64(EL_CASE_LOWER, 0);
    CHECK_U64(EL_CASE_UPPER, 1);
    CHECK_U64(EL_CASE_INVALID, 2);
    CHECK_U64(sizeof(el_case), 4);
    CHECK_U64(sizeof(el_device_flags), 4);
    CHECK_U64(EL_DEVICE_FLAGS_SINGLETHREADED, 0x1);
    CHECK_U64(EL_DEVICE_FLAGS_DEBUG, 0x2);
    CHECK_U64(EL_DEVICE_FLAGS_DISABLE_GPU_TIMEOUT, 0x100);
    CHECK_U64(EL_DEVICE_FLAGS_VIDEO_SUPPORT, 0x800);
    CHECK_U64(EL_DEVICE_FLAGS_ALL, 0x903);

    /* Describe: ascending bit order joined by '|'. */
    CHECK_STR(describe(0), "");
    CHECK_STR(describe(EL_DEVICE_FLAGS_SINGLETHREADED | EL_DEVICE_FLAGS_DISABLE_GPU_TIMEOUT), "SINGLETHREADED|DISABLE_GPU_TIMEOUT");
    CHECK_STR(describe(EL_DEVICE_FLAGS_VIDEO_SUPPORT | EL_DEVICE_FLAGS_DEBUG), "DEBUG|VIDEO_SUPPORT");
    CHECK_STR(describe(EL_DEVICE_FLAGS_ALL), "SINGLETHREADED|DEBUG|DISABLE_GPU_TIMEOUT|VIDEO_SUPPORT");

    /* Every combination round-trips. */
    const el_device_flags bits[] = { EL_DEVICE_FLAGS_SINGLETHREADED, EL_DEVICE_FLAGS_DEBUG, EL_DEVICE_FLAGS_DISABLE_GPU_TIMEOUT, EL_DEVICE_FLAGS_VIDEO_SUPPORT };
    for (unsigned mask = 0; mask < 16; mask++) {
        el_device_flags f = 0;
        for (unsigned k = 0; k < 4; k++) {
            if (mask & (1u << k)) f |= bits[k];
        }
        el_device_flags back = 0xDEAD;
        CHECK_STATUS(parse(describe(f), &back), EL_OK);
        CHECK_U64(back, f);
    }

    /* Bits outside the mask; required is left alone. */
    size_t required = 77;
    char buf[64] = "untouched";
    CHECK_STATUS(el_device_flags_describe(0x4, buf, sizeof buf, &required), EL_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(el_device_flags_describe(EL_DEVICE_FLAGS_ALL | 0x80000000u, buf, sizeof buf, &required), EL_ERR_INVALID_ARGUMENT);
    CHECK_U64(required, 77);
    CHECK_STR(buf, "untouched");

    /* Buffer rules. */
    const char* both = "SINGLETHREADED|DEBUG";
    CHECK_STATUS(el_device_flags_describe(3, NULL, 0, &required), EL_ERR_BUFFER_TOO_SMALL);
    CHECK_U64(required, strlen(both) + 1);
    CHECK_STATUS(el_device_flags_describe(3, buf, strlen(both), &required), EL_ERR_BUFFER_TOO_SMALL);
    CHECK_STR(buf, "untouched");
    CHECK_STATUS(el_device_flags_describe(3, buf, strlen(both) + 1, NULL), EL_OK);
    CHECK_STR(buf, both);
    CHECK_STATUS(el_device_flags_describe(3, NULL, 5, &required), EL_ERR_NULL_ARGUMENT);

    /* Parse: any order, spaces around names, "" is 0. */
    el_device_flags f = 0xDEAD;
    CHECK_STATUS(parse("", &f), EL_OK);
    CHECK_U64(f, 0);
    CHECK_STATUS(parse("SINGLETHREADED | DEBUG", &f), EL_OK);
    CHECK_U64(f, 3);
    CHECK_STATUS(parse("VIDEO_SUPPORT|SINGLETHREADED", &f), EL_OK);
    CHECK_U64(f, 0x801);
    CHECK_STATUS(parse("  DISABLE_GPU_TIMEOUT  ", &f), EL_OK);
    CHECK_U64(f, 0x100);

    /* Unknown names, empty segments, numbers, other separators: invalid, *out unchanged. */
    const char* bad[] = { "NOPE", "debug", "DEBUG|", "|DEBUG", "DEBUG||SINGLETHREADED", " ", "1", "0x2", "DEBUG,SINGLETHREADED",
                          "DEBUG+SINGLETHREADED", "DEBUG;VIDEO_SUPPORT", "DEBUG\tSINGLETHREADED", "SINGLE THREADED", "\xff\xfe" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        f = 0xBEEF;
        el_status s = parse(bad[i], &f);
        if (s != EL_ERR_INVALID_ARGUMENT) fprintf(stderr, "parse(\"%s\") gave %s\n", bad[i], el_status_name(s));
        CHECK_STATUS(s, EL_ERR_INVALID_ARGUMENT);
        CHECK_U64(f, 0xBEEF);
    }
    CHECK_STATUS(parse(NULL, &f), EL_ERR_NULL_ARGUMENT);
    CHECK_STATUS(parse("DEBUG", NULL), EL_ERR_NULL_ARGUMENT);

    return check_report("enums");
}

/* Contract section 3: el_rgba packs to r | g << 8 | b << 16 | a << 24. */
#include "check.h"

int main(void)
{
    CHECK_U64(sizeof(el_rgba), 4);
    el_rgba orange = { 229, 131, 57, 255 };
    uint32_t packed = el_rgba_pack(orange);
    CHECK_U64(packed, 0xFF3983E5u);

    /* On a little-endian machine the bytes of the packed value are r, g, b, a. */
    const uint16_t probe = 1;
    if (*(const uint8_t*)&probe == 1) {
        uint8_t bytes[4];
        memcpy(bytes, &packed, 4);
        CHECK(bytes[0] == 229 && bytes[1] == 131 && bytes[2] == 57 && bytes[3] == 255);
    }

    el_rgba back = el_rgba_unpack(0xFF3983E5u);
    CHECK(back.r == 229 && back.g == 131 && back.b == 57 && back.a == 255);

    /* Inverse both ways, over a spread of values. */
    uint32_t v = 0x12345678u;
    for (int i = 0; i < 10000; i++) {
        v = v * 1664525u + 1013904223u;
        el_rgba c = el_rgba_unpack(v);
        CHECK_U64(c.r | (uint32_t)c.g << 8 | (uint32_t)c.b << 16 | (uint32_t)c.a << 24, v);
        CHECK_U64(el_rgba_pack(c), v);
    }
    el_rgba zero = el_rgba_unpack(0);
    CHECK(zero.r == 0 && zero.g == 0 && zero.b == 0 && zero.a == 0);
    el_rgba white = { 255, 255, 255, 255 };
    CHECK_U64(el_rgba_pack(white), 0xFFFFFFFFu);
    CHECK_U64(el_last_error_status(), EL_OK);

    return check_report("rgba");
}

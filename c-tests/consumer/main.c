#include <stdio.h>

#include <exportlib.h>

int main(void)
{
    el_rgba orange = { 229, 131, 57, 255 };
    el_type_layout layout;
    if (el_abi_type_layout("el_example", &layout) != EL_OK || layout.size != 32) {
        fprintf(stderr, "unexpected layout\n");
        return 1;
    }
    printf("ExportLib %s: orange packs to 0x%08X\n", el_version_string(), (unsigned)el_rgba_pack(orange));
    return el_rgba_pack(orange) == 0xFF3983E5u ? 0 : 1;
}

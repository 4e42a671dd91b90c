/* The self-contained archive keeps its runtime's symbols (its own zlib among them) local: a program links the
 * system zlib beside it and each gets its own crc32. */
#include <stdio.h>
#include <zlib.h>

#include <mymath.h>

int main(void)
{
    unsigned long crc = crc32(0L, (const unsigned char*)"123456789", 9);
    if (crc != 0xCBF43926UL || mm_add(40, 2) != 42) {
        fprintf(stderr, "crc32 = %lx, mm_add = %d\n", crc, mm_add(40, 2));
        return 1;
    }
    printf("zlib %s and MyMath in one program: crc32 ok, mm_add ok\n", zlibVersion());
    return 0;
}

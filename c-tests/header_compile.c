/* Compiled (not run) in every language mode and by every compiler of the matrix: the header must be clean. */
#include "exportlib.h"
#include "exportlib.h" /* the include guard holds */

int header_compile_anchor(void);
int header_compile_anchor(void)
{
    el_status s = EL_OK;
    el_rgba c = { 1, 2, 3, 4 };
    return (int)s + (int)c.r;
}

/* One cold start, in a fresh process: dlopen a library, then either call a function (a Native AOT runtime starts on
   that first call) or call el_init() first and then the function. Prints one CSV row; the benchmark target runs it
   many times and takes medians.
   Usage: coldstart <path/to/lib.so> call|init [function]    (function: a void(void) export, default el_debug_noop) */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "timing.h"


int main(int argc, char** argv)
{
    if (argc < 3 || (strcmp(argv[2], "call") != 0 && strcmp(argv[2], "init") != 0)) {
        fprintf(stderr, "usage: %s <lib.so> call|init [function]\n", argv[0]);
        return 2;
    }
    long rss_before = rss_kb();
    double t0 = now_ns();
    void* lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    double t1 = now_ns();
    if (lib == NULL) {
        fprintf(stderr, "dlopen: %s\n", dlerror());
        return 1;
    }
    void (*function)(void) = NULL;
    int (*init)(void) = NULL;
    *(void**)&function = dlsym(lib, argc > 3 ? argv[3] : "el_debug_noop");
    *(void**)&init = dlsym(lib, "el_init");
    if (function == NULL || (init == NULL && strcmp(argv[2], "init") == 0)) {
        fprintf(stderr, "dlsym: %s\n", dlerror());
        return 1;
    }
    double init_ns = 0;
    if (strcmp(argv[2], "init") == 0) {
        double i0 = now_ns();
        if (init() != 0) return 1;
        init_ns = now_ns() - i0;
    }
    double c0 = now_ns();
    function();
    double c1 = now_ns();
    long rss_after = rss_kb();
    /* mode,dlopen_ns,init_ns,first_call_ns,dlopen_plus_first_call_ns,rss_growth_kib */
    printf("%s,%.0f,%.0f,%.0f,%.0f,%ld\n", argv[2], t1 - t0, init_ns, c1 - c0, (t1 - t0) + init_ns + (c1 - c0), rss_after - rss_before);
    return 0;
}

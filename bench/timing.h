/* Clock and resident-set readings shared by the benchmark programs. */
#ifndef EXPORTLIB_BENCH_TIMING_H
#define EXPORTLIB_BENCH_TIMING_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static inline double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* The process's resident set in KiB, from /proc/self/status (-1 where there is none). */
static inline long rss_kb(void)
{
    FILE* f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    while (f != NULL && fgets(line, sizeof line, f) != NULL) {
        if (strncmp(line, "VmRSS:", 6) == 0) kb = strtol(line + 6, NULL, 10);
    }
    if (f != NULL) fclose(f);
    return kb;
}

#endif

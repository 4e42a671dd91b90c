/* Resident set size of this process, for the soak and churn tests (Linux: /proc/self/statm). */
#ifndef EXPORTLIB_RSS_H
#define EXPORTLIB_RSS_H

#include <stdio.h>
#include <unistd.h>

static inline long rss_kib(void)
{
    long pages_total = 0, pages_resident = 0;
    FILE* f = fopen("/proc/self/statm", "r");
    if (f == NULL) {
        return -1;
    }
    if (fscanf(f, "%ld %ld", &pages_total, &pages_resident) != 2) {
        pages_resident = -1;
    }
    fclose(f);
    return pages_resident < 0 ? -1 : pages_resident * (sysconf(_SC_PAGESIZE) / 1024);
}

#endif

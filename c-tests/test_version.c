/* Contract section 2: version macros and functions, the data symbols, el_init, the debug flag. */
#include <pthread.h>
#include <stdlib.h>

#include "check.h"

static void* init_from_thread(void* arg)
{
    *(el_status*)arg = el_init();
    return NULL;
}

int main(void)
{
    /* The data symbols are readable before any function is called (the runtime has not started yet). */
    uint32_t version_number = el_version_number;
    uint64_t abi_hash = el_abi_hash;
    CHECK_U64(abi_hash, EL_ABI_HASH);
    CHECK_U64(version_number, ((uint32_t)EL_VERSION_MAJOR << 16) | ((uint32_t)EL_VERSION_MINOR << 8) | (uint32_t)EL_VERSION_PATCH);
    /* They are const data: their addresses are stable and their values never change. */
    const volatile uint64_t* hash_address = &el_abi_hash;

    /* el_init is optional: this call is the very first into the library. */
    CHECK_U64(el_version(), version_number);
    CHECK_U64(el_version(), ((uint32_t)EL_VERSION_MAJOR << 16) | ((uint32_t)EL_VERSION_MINOR << 8) | (uint32_t)EL_VERSION_PATCH);

    char expected[64];
    snprintf(expected, sizeof expected, "%d.%d.%d", EL_VERSION_MAJOR, EL_VERSION_MINOR, EL_VERSION_PATCH);
    CHECK_STR(el_version_string(), expected);
    CHECK(el_version_string() == el_version_string());

    /* Idempotent and thread-safe. */
    CHECK_STATUS(el_init(), EL_OK);
    CHECK_STATUS(el_init(), EL_OK);
    enum { THREADS = 8 };
    pthread_t threads[THREADS];
    el_status results[THREADS];
    for (int i = 0; i < THREADS; i++) {
        results[i] = EL_ERR_INTERNAL;
        CHECK(pthread_create(&threads[i], NULL, init_from_thread, &results[i]) == 0);
    }
    for (int i = 0; i < THREADS; i++) {
        CHECK(pthread_join(threads[i], NULL) == 0);
        CHECK_STATUS(results[i], EL_OK);
    }

    CHECK_U64(*hash_address, EL_ABI_HASH);
    CHECK_U64(el_version_number, el_version());

    /* The debug flag: off at start, process-wide. */
    CHECK(el_get_debug() == false);
    el_set_debug(true);
    CHECK(el_get_debug() == true);
    el_set_debug(false);
    CHECK(el_get_debug() == false);
    CHECK_U64(el_last_error_status(), EL_OK);

    return check_report("version");
}

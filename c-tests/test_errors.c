/* Contract section 1: status names, the thread-local last error, size queries, valid UTF-8 messages. */
#include <pthread.h>

#include "check.h"

static void* other_thread(void* arg)
{
    int* seen_ok = (int*)arg;
    /* A failure on the main thread is not visible here. */
    *seen_ok = el_last_error_status() == EL_OK;
    el_type_layout layout;
    (void)el_abi_type_layout(NULL, &layout);
    return NULL;
}

int main(void)
{
    /* Status names, exact. */
    CHECK_STR(el_status_name(EL_OK), "EL_OK");
    CHECK_STR(el_status_name(EL_ERR_NULL_ARGUMENT), "EL_ERR_NULL_ARGUMENT");
    CHECK_STR(el_status_name(EL_ERR_INVALID_ARGUMENT), "EL_ERR_INVALID_ARGUMENT");
    CHECK_STR(el_status_name(EL_ERR_INVALID_HANDLE), "EL_ERR_INVALID_HANDLE");
    CHECK_STR(el_status_name(EL_ERR_BUFFER_TOO_SMALL), "EL_ERR_BUFFER_TOO_SMALL");
    CHECK_STR(el_status_name(EL_ERR_INVALID_UTF8), "EL_ERR_INVALID_UTF8");
    CHECK_STR(el_status_name(EL_ERR_INVALID_UTF16), "EL_ERR_INVALID_UTF16");
    CHECK_STR(el_status_name(EL_ERR_WRONG_THREAD), "EL_ERR_WRONG_THREAD");
    CHECK_STR(el_status_name(EL_ERR_INVALID_STATE), "EL_ERR_INVALID_STATE");
    CHECK_STR(el_status_name(EL_ERR_BORROWED), "EL_ERR_BORROWED");
    CHECK_STR(el_status_name(EL_ERR_OUT_OF_MEMORY), "EL_ERR_OUT_OF_MEMORY");
    CHECK_STR(el_status_name(EL_ERR_INTERNAL), "EL_ERR_INTERNAL");
    CHECK_U64(EL_OK, 0);
    CHECK_U64(EL_ERR_OUT_OF_MEMORY, 10);
    CHECK_U64(EL_ERR_INTERNAL, 100);
    CHECK_U64(sizeof(el_status), 4);
    const int unknown[] = { -1, 11, 42, 99, 101, 0x7FFFFFFF, (int)0x80000000u };
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        CHECK_STR(el_status_name((el_status)unknown[i]), "EL_UNKNOWN_STATUS");
    }
    /* Static: the same pointer every time. */
    CHECK(el_status_name(EL_OK) == el_status_name(EL_OK));

    /* No failure yet: EL_OK and "". */
    size_t required = 12345;
    char buf[256];
    CHECK_U64(el_last_error_status(), EL_OK);
    CHECK_STATUS(el_last_error_message(buf, sizeof buf, &required), EL_OK);
    CHECK_STR(buf, "");
    CHECK_U64(required, 1);

    /* A failure records status and message. */
    el_type_layout layout;
    CHECK_STATUS(el_abi_type_layout(NULL, &layout), EL_ERR_NULL_ARGUMENT);
    CHECK_U64(el_last_error_status(), EL_ERR_NULL_ARGUMENT);
    CHECK(strlen(check_last_message()) > 0);
    CHECK(strstr(check_last_message(), "el_abi_type_layout") != NULL);

    /* Size query: len == 0 reports the size, is not a failure, and changes nothing. */
    char message[256];
    strcpy(message, check_last_message());
    required = 0;
    CHECK_STATUS(el_last_error_message(NULL, 0, &required), EL_ERR_BUFFER_TOO_SMALL);
    CHECK_U64(required, strlen(message) + 1);
    CHECK_U64(el_last_error_status(), EL_ERR_NULL_ARGUMENT);
    CHECK_STR(check_last_message(), message);

    /* Too small with len > 0: nothing written, and reading never replaces the last error. */
    memset(buf, 'x', sizeof buf);
    CHECK_STATUS(el_last_error_message(buf, 3, &required), EL_ERR_BUFFER_TOO_SMALL);
    CHECK(buf[0] == 'x' && buf[1] == 'x' && buf[2] == 'x');
    CHECK_U64(required, strlen(message) + 1);
    CHECK_U64(el_last_error_status(), EL_ERR_NULL_ARGUMENT);
    CHECK_STR(check_last_message(), message);

    /* Exactly enough room; required may be NULL. */
    CHECK_STATUS(el_last_error_message(buf, strlen(message) + 1, NULL), EL_OK);
    CHECK_STR(buf, message);

    /* NULL buffer with len > 0: a NULL argument, still not replacing the last error; *required is always set. */
    required = 777;
    CHECK_STATUS(el_last_error_message(NULL, 8, &required), EL_ERR_NULL_ARGUMENT);
    CHECK_U64(required, strlen(message) + 1);
    CHECK_U64(el_last_error_status(), EL_ERR_NULL_ARGUMENT);

    /* Success neither records nor clears. */
    CHECK(el_version() != 0);
    CHECK_U64(el_rgba_pack(el_rgba_unpack(7)), 7);
    CHECK_U64(el_last_error_status(), EL_ERR_NULL_ARGUMENT);

    /* A newer failure replaces it. */
    CHECK_STATUS(el_abi_type_layout("no_such_type", &layout), EL_ERR_INVALID_ARGUMENT);
    CHECK_U64(el_last_error_status(), EL_ERR_INVALID_ARGUMENT);
    CHECK(strstr(check_last_message(), "no_such_type") != NULL);

    /* Bytes that are not UTF-8 show as U+FFFD: the message stays valid UTF-8. */
    CHECK_STATUS(el_abi_type_layout("bad\xff\xfe\xc0\xaf name", &layout), EL_ERR_INVALID_ARGUMENT);
    const char* bad = check_last_message();
    CHECK(check_is_utf8((const unsigned char*)bad, strlen(bad)));
    CHECK(strstr(bad, "\xEF\xBF\xBD") != NULL);

    /* Clearing. */
    el_clear_last_error();
    CHECK_U64(el_last_error_status(), EL_OK);
    CHECK_STR(check_last_message(), "");

    /* Thread-local: each thread has its own slot. */
    CHECK_STATUS(el_abi_type_layout(NULL, &layout), EL_ERR_NULL_ARGUMENT);
    int seen_ok = 0;
    pthread_t thread;
    CHECK(pthread_create(&thread, NULL, other_thread, &seen_ok) == 0);
    CHECK(pthread_join(thread, NULL) == 0);
    CHECK(seen_ok);
    CHECK_U64(el_last_error_status(), EL_ERR_NULL_ARGUMENT);

    return check_report("errors");
}

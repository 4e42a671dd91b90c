/*
 * Fault injection: the guarded path run for real. Each ctest case sets EXPORTLIB_FAULT_INJECTION=<kind>:<n> (the
 * library's start-up switch, see the README) so that the n-th allocation the library makes for C throws inside the
 * export, and names the scenario as argv[1]. Every scenario checks the status, the message, that nothing leaked or
 * stayed half-done, and that the next call works.
 */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"

static size_t log_lines;
static void count_log(void* user_data, el_log_level level, const char* message)
{
    (void)user_data;
    if (level == EL_LOG_WARN && strstr(message, "injected") != NULL) {
        log_lines++;
    }
}

static void expect_injected(el_status expected)
{
    CHECK_STATUS(el_last_error_status(), expected);
    const char* message = check_last_message();
    CHECK(strstr(message, expected == EL_ERR_OUT_OF_MEMORY ? "injected allocation failure" : "injected fault") != NULL);
    CHECK(strstr(message, "EXPORTLIB_FAULT_INJECTION") != NULL);
}

int main(int argc, char** argv)
{
    if (argc != 2 || getenv("EXPORTLIB_FAULT_INJECTION") == NULL) {
        fprintf(stderr, "usage: EXPORTLIB_FAULT_INJECTION=<internal|oom>:<n> %s <scenario>\n", argv[0]);
        return 2;
    }
    const char* scenario = argv[1];

    if (strcmp(scenario, "malformed") == 0) { /* EXPORTLIB_FAULT_INJECTION=bogus */
        /* The switch is read when the runtime starts (this first call): it says on stderr that it ignores a malformed
           value, and injects nothing. stderr goes to a pipe for the start, so the test can read what it said. */
        int pipe_fds[2];
        CHECK(pipe(pipe_fds) == 0);
        int saved = dup(2);
        CHECK(dup2(pipe_fds[1], 2) == 2);
        CHECK_STATUS(el_init(), EL_OK);
        CHECK(dup2(saved, 2) == 2);
        close(pipe_fds[1]);
        char said[256] = { 0 };
        ssize_t got = read(pipe_fds[0], said, sizeof said - 1);
        CHECK(got > 0 && strstr(said, "ignoring EXPORTLIB_FAULT_INJECTION=bogus") != NULL);
        char* out = NULL;
        for (int i = 0; i < 5; i++) {
            CHECK_STATUS(el_string_reverse("abc", &out), EL_OK);
            el_string_free(out);
        }
        el_context* ctx = el_context_new(EL_CASE_LOWER);
        CHECK(ctx != NULL);
        el_context_free(ctx);
        CHECK_U64(el_debug_live_handles(), 0);
        printf("fault injection (%s, %s): %d checks, %d failed\n", getenv("EXPORTLIB_FAULT_INJECTION"), scenario, check_count, check_failures);
        return check_failures == 0 ? 0 : 1;
    }

    CHECK_STATUS(el_set_log_callback(count_log, NULL), EL_OK);

    if (strcmp(scenario, "context_create") == 0) { /* internal:1 */
        el_context* ctx = (el_context*)(uintptr_t)1;
        CHECK_STATUS(el_context_create(EL_CASE_LOWER, &ctx), EL_ERR_INTERNAL);
        CHECK(ctx == NULL);
        expect_injected(EL_ERR_INTERNAL);
        CHECK_STATUS(el_context_create(EL_CASE_LOWER, &ctx), EL_OK);
        CHECK_STATUS(el_context_to_upper(ctx), EL_OK);
        el_context_free(ctx);
    } else if (strcmp(scenario, "context_new") == 0) { /* oom:1 */
        CHECK(el_context_new(EL_CASE_UPPER) == NULL);
        expect_injected(EL_ERR_OUT_OF_MEMORY);
        el_context* ctx = el_context_new(EL_CASE_UPPER);
        CHECK(ctx != NULL);
        el_context_free(ctx);
    } else if (strcmp(scenario, "subobject") == 0) { /* internal:2: the context is the first allocation */
        el_context* ctx = el_context_new(EL_CASE_LOWER);
        CHECK(ctx != NULL);
        el_subobject* sub = (el_subobject*)(uintptr_t)1;
        CHECK_STATUS(el_context_subobject(ctx, 0, 3, &sub), EL_ERR_INTERNAL);
        CHECK(sub == NULL);
        expect_injected(EL_ERR_INTERNAL);
        /* The failed borrow was given back: the context is not left borrowed. */
        CHECK_STATUS(el_context_to_upper(ctx), EL_OK);
        CHECK_STATUS(el_context_subobject(ctx, 0, 3, &sub), EL_OK);
        CHECK_STATUS(el_context_to_lower(ctx), EL_ERR_BORROWED);
        el_subobject_free(sub);
        CHECK_STATUS(el_context_to_lower(ctx), EL_OK);
        el_context_free(ctx);
    } else if (strcmp(scenario, "string") == 0) { /* oom:1 */
        char* out = (char*)(uintptr_t)1;
        CHECK_STATUS(el_string_reverse("abc", &out), EL_ERR_OUT_OF_MEMORY);
        CHECK(out == (char*)(uintptr_t)1);
        expect_injected(EL_ERR_OUT_OF_MEMORY);
        CHECK_STATUS(el_string_reverse("abc", &out), EL_OK);
        CHECK_STR(out, "cba");
        el_string_free(out);
    } else if (strcmp(scenario, "event_loop") == 0) { /* oom:1 */
        el_event_loop* loop = (el_event_loop*)(uintptr_t)1;
        CHECK_STATUS(el_event_loop_start(&loop), EL_ERR_OUT_OF_MEMORY);
        CHECK(loop == NULL);
        expect_injected(EL_ERR_OUT_OF_MEMORY);
        CHECK_STATUS(el_event_loop_start(&loop), EL_OK);
        CHECK_STATUS(el_event_loop_post(loop, EL_EVENT_TICK, 1), EL_OK);
        el_event_loop_free(loop);
    } else {
        fprintf(stderr, "unknown scenario %s\n", scenario);
        return 2;
    }

    /* The failure was reported through the log like any other, and nothing is left live. */
    CHECK(log_lines == 1);
    CHECK_U64(el_debug_live_handles(), 0);
    CHECK_STATUS(el_set_log_callback(NULL, NULL), EL_OK);
    printf("fault injection (%s, %s): %d checks, %d failed\n", getenv("EXPORTLIB_FAULT_INJECTION"), scenario, check_count, check_failures);
    return check_failures == 0 ? 0 : 1;
}

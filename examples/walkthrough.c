/* A walk through ExportLib the way the FFI chapter goes: a context that the library allocates and frees,
   sub-objects that borrow it, the caller-buffer style, then a single-threaded event loop drained with a callback. */
#include <stdio.h>
#include <stdlib.h>

#include <exportlib.h>

#define TRY(call)                                                                        \
    do {                                                                                 \
        el_status status_ = (call);                                                      \
        if (status_ != EL_OK) {                                                          \
            char message_[256];                                                          \
            el_last_error_message(message_, sizeof message_, NULL);                      \
            fprintf(stderr, "%s failed: %s (%s)\n", #call, el_status_name(status_), message_); \
            exit(1);                                                                     \
        }                                                                                \
    } while (0)

static void print_text(const char* label, const el_context* ctx)
{
    /* Ask for the size first, then fetch: the caller owns the buffer. */
    size_t required = 0;
    el_context_text(ctx, NULL, 0, &required);
    char* text = (char*)malloc(required);
    TRY(el_context_text(ctx, text, required, NULL));
    printf("%-28s %s\n", label, text);
    free(text);
}

static int32_t on_event(void* user_data, const el_event* ev)
{
    int* ticks = (int*)user_data;
    static const char* kinds[] = { "TICK", "MESSAGE", "QUIT" };
    printf("  event #%llu %-7s value=%lld\n", (unsigned long long)ev->sequence, kinds[ev->kind], (long long)ev->value);
    if (ev->kind == EL_EVENT_TICK) (*ticks)++;
    return ev->kind == EL_EVENT_QUIT; /* stop after QUIT */
}

int main(void)
{
    TRY(el_init()); /* optional: start the runtime now rather than on the first real call */
    printf("ExportLib %s\n\n", el_version_string());

    /* 1. The library allocates the context; only el_context_free releases it. */
    el_context* ctx = NULL;
    TRY(el_context_create(EL_CASE_LOWER, &ctx));
    print_text("new context:", ctx);
    TRY(el_context_to_upper(ctx));
    print_text("after to_upper:", ctx);

    /* 2. A sub-object borrows the context: while it lives, the context cannot change. */
    el_subobject* view = NULL;
    TRY(el_context_subobject(ctx, 0, 5, &view));
    char first[8];
    TRY(el_subobject_text(view, first, sizeof first, NULL));
    printf("%-28s %s\n", "sub-object [0, 5):", first);
    el_status borrowed = el_context_to_lower(ctx);
    printf("%-28s %s\n", "to_lower while borrowed:", el_status_name(borrowed));
    el_subobject_free(view);
    TRY(el_context_to_lower(ctx));
    print_text("after the borrow ended:", ctx);

    /* 3. Text that is not an alphabet puts the context in EL_CASE_INVALID. */
    TRY(el_context_set_text(ctx, "Hello, world"));
    el_case state;
    TRY(el_context_state(ctx, &state));
    printf("%-28s %s\n", "state of \"Hello, world\":", state == EL_CASE_INVALID ? "EL_CASE_INVALID" : "?");
    printf("%-28s %s\n", "to_upper now:", el_status_name(el_context_to_upper(ctx)));
    el_context_free(ctx);

    /* 4. The caller's own buffer. */
    char alphabet[27];
    if (el_alphabet_copy(EL_CASE_UPPER, alphabet, sizeof alphabet) == 0) {
        printf("%-28s %s\n\n", "el_alphabet_copy:", alphabet);
    }

    /* 5. An event loop belongs to this thread; events come out in order. */
    el_event_loop* loop = NULL;
    TRY(el_event_loop_start(&loop));
    TRY(el_event_loop_post(loop, EL_EVENT_TICK, 1));
    TRY(el_event_loop_post(loop, EL_EVENT_MESSAGE, 42));
    TRY(el_event_loop_post(loop, EL_EVENT_TICK, 2));
    TRY(el_event_loop_post(loop, EL_EVENT_QUIT, 0));
    TRY(el_event_loop_post(loop, EL_EVENT_TICK, 3));
    int ticks = 0;
    size_t visited = 0;
    printf("draining until QUIT:\n");
    TRY(el_event_loop_drain(loop, on_event, &ticks, &visited));
    printf("visited %zu events, %d ticks; left in the queue:\n", visited, ticks);
    el_event ev;
    bool has_event = true;
    while (el_event_loop_next(loop, &ev, &has_event) == EL_OK && has_event) {
        printf("  event #%llu value=%lld\n", (unsigned long long)ev.sequence, (long long)ev.value);
    }
    el_event_loop_free(loop);

    printf("\nlive handles at exit: %zu\n", el_debug_live_handles());
    return el_debug_live_handles() == 0 && visited == 4 && ticks == 2 ? 0 : 1;
}

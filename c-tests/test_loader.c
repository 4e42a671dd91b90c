/* HeaderGen's loader header: open the shared library at run time (as a plugin host does), with no link-time
   dependency on it, and use exports and data symbols through the generated struct. argv[1] is the library's path. */
#include <stdio.h>

#include "exportlib_loader.h"

static int failures;
#define EXPECT(cond)                                                                   \
    do {                                                                               \
        if (!(cond)) {                                                                 \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);   \
            failures++;                                                                \
        }                                                                              \
    } while (0)

int main(int argc, char** argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s path/to/libexportlib.so\n", argv[0]);
        return 2;
    }

    el_api missing_library;
    EXPECT(el_api_load(&missing_library, "/nonexistent/libexportlib.so") == -1);

    el_api api;
    int loaded = el_api_load(&api, argv[1]);
    EXPECT(loaded == 0);
    if (loaded != 0) {
        fprintf(stderr, "el_api_load: %d (missing: %s)\n", loaded, api.missing ? api.missing : "-");
        return 1;
    }

    /* Data symbols through their addresses, before any call. */
    EXPECT(*api.el_abi_hash == EL_ABI_HASH);
    EXPECT(*api.el_version_number == ((uint32_t)EL_VERSION_MAJOR << 16 | (uint32_t)EL_VERSION_MINOR << 8 | (uint32_t)EL_VERSION_PATCH));

    /* Functions through the generated pointers: a handle's whole life, a caller buffer, a status. */
    EXPECT(api.el_version() == *api.el_version_number);
    el_context* ctx = NULL;
    EXPECT(api.el_context_create(EL_CASE_LOWER, &ctx) == EL_OK);
    EXPECT(api.el_context_to_upper(ctx) == EL_OK);
    char text[32];
    size_t required = 0;
    EXPECT(api.el_context_text(ctx, text, sizeof text, &required) == EL_OK && required == 27 && text[0] == 'A');
    api.el_context_free(ctx);
    EXPECT(api.el_context_to_upper(ctx) == EL_ERR_INVALID_HANDLE);
    EXPECT(api.el_last_error_status() == EL_ERR_INVALID_HANDLE);
    EXPECT(api.el_debug_live_handles() == 0);

    printf("loader: %s loaded at run time, %s; %d failed\n", argv[1], api.el_version_string(), failures);
    return failures == 0 ? 0 : 1;
}

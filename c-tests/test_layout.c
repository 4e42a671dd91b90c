/* Contract section 4: el_example, el_point, and layout introspection compared with the C compiler's view. */
#include <stdalign.h>

#include "check.h"

static const char* current_type;
static uint32_t current_fields;
static uint32_t runtime_fields;
static int types_seen;

static void finish_type(void)
{
    if (current_type != NULL) {
        if (current_fields != runtime_fields) {
            fprintf(stderr, "%s: the header declares %u fields, the runtime reports %u\n", current_type, current_fields, runtime_fields);
        }
        CHECK_U64(runtime_fields, current_fields);
    }
}

static void begin_type(const char* name, size_t size, size_t align)
{
    finish_type();
    types_seen++;
    current_type = name;
    current_fields = 0;
    el_type_layout layout = { 0, 0, 0 };
    el_status s = el_abi_type_layout(name, &layout);
    if (s != EL_OK) {
        fprintf(stderr, "%s: el_abi_type_layout failed: %s\n", name, el_status_name(s));
    }
    CHECK_STATUS(s, EL_OK);
    if (layout.size != size || layout.align != align) {
        fprintf(stderr, "%s: C says size %zu align %zu, the runtime says size %u align %u\n", name, size, align, layout.size, layout.align);
    }
    CHECK_U64(layout.size, size);
    CHECK_U64(layout.align, align);
    runtime_fields = layout.field_count;
}

static void check_field(const char* type, const char* field, size_t offset)
{
    current_fields++;
    uint32_t runtime = 0xFFFFFFFFu;
    el_status s = el_abi_field_offset(type, field, &runtime);
    if (s != EL_OK || runtime != offset) {
        fprintf(stderr, "%s.%s: C says offset %zu, the runtime says %u (%s)\n", type, field, offset, runtime, el_status_name(s));
    }
    CHECK_STATUS(s, EL_OK);
    CHECK_U64(runtime, offset);
}

int main(void)
{
    /* The contract's numbers for el_example. */
    CHECK_U64(sizeof(el_example), 32);
    CHECK_U64(alignof(el_example), 8);
    CHECK_U64(offsetof(el_example, tiny), 0);
    CHECK_U64(offsetof(el_example, normal), 4);
    CHECK_U64(offsetof(el_example, small), 8);
    CHECK_U64(offsetof(el_example, long_value), 16);
    CHECK_U64(offsetof(el_example, short_value), 24);
    CHECK_U64(sizeof(bool), 1);

    /* Every struct and union of the header: the C compiler against the C# runtime. */
#define HEADERGEN_TYPE(t) begin_type(#t, sizeof(t), alignof(t));
#define HEADERGEN_FIELD(t, f) check_field(#t, #f, offsetof(t, f));
#include "exportlib_layouts.inc"
    finish_type();
    CHECK(types_seen >= 4);

    /* By value, both ways. */
    el_example e = el_example_make(true, 0xDEADBEEFu, 200, 0x0123456789ABCDEFull, 65535);
    CHECK(e.tiny == true);
    CHECK_U64(e.normal, 0xDEADBEEFu);
    CHECK_U64(e.small, 200);
    CHECK_U64(e.long_value, 0x0123456789ABCDEFull);
    CHECK_U64(e.short_value, 65535);
    CHECK_U64(el_example_sum(&e), 1ull + 0xDEADBEEFull + 200 + 0x0123456789ABCDEFull + 65535);
    el_example z = el_example_make(false, 0, 0, 0, 0);
    CHECK_U64(el_example_sum(&z), 0);

    /* Wrapping. */
    el_example w = el_example_make(true, 1, 1, UINT64_MAX, 1);
    CHECK_U64(el_example_sum(&w), 3);

    /* NULL gives 0 and no crash. */
    CHECK_U64(el_example_sum(NULL), 0);

    el_point p = { 1.5, -2.0 };
    el_point q = el_point_scale(p, 4.0);
    CHECK(q.x == 6.0 && q.y == -8.0);
    el_point r = el_point_scale(p, 0.0);
    CHECK(r.x == 0.0 && r.y == 0.0);
    CHECK_U64(el_last_error_status(), EL_OK);

    /* Bad input: NULLs and unknown names, with out-parameters left alone. */
    el_type_layout layout = { 7, 7, 7 };
    uint32_t offset = 99;
    CHECK_STATUS(el_abi_type_layout(NULL, &layout), EL_ERR_NULL_ARGUMENT);
    CHECK_STATUS(el_abi_type_layout("el_point", NULL), EL_ERR_NULL_ARGUMENT);
    CHECK_STATUS(el_abi_type_layout("el_nope", &layout), EL_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(el_abi_type_layout("", &layout), EL_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(el_abi_type_layout("EL_POINT", &layout), EL_ERR_INVALID_ARGUMENT);
    CHECK(layout.size == 7 && layout.align == 7 && layout.field_count == 7);
    CHECK_STATUS(el_abi_field_offset(NULL, "x", &offset), EL_ERR_NULL_ARGUMENT);
    CHECK_STATUS(el_abi_field_offset("el_point", NULL, &offset), EL_ERR_NULL_ARGUMENT);
    CHECK_STATUS(el_abi_field_offset("el_point", "x", NULL), EL_ERR_NULL_ARGUMENT);
    CHECK_STATUS(el_abi_field_offset("el_point", "z", &offset), EL_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(el_abi_field_offset("el_nope", "x", &offset), EL_ERR_INVALID_ARGUMENT);
    CHECK_U64(offset, 99);
    CHECK_U64(el_last_error_status(), EL_ERR_INVALID_ARGUMENT);

    CHECK_STATUS(el_abi_type_layout("el_example", &layout), EL_OK);
    CHECK_U64(layout.size, 32);
    CHECK_U64(layout.align, 8);
    CHECK_U64(layout.field_count, 5);
    CHECK_STATUS(el_abi_field_offset("el_example", "long_value", &offset), EL_OK);
    CHECK_U64(offset, 16);

    return check_report("layout");
}

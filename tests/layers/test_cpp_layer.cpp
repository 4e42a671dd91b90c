// ExportLib through its generated C++ layer only (include/exportlib.hpp): every export, success and failure, handle
// lifetimes, callbacks that throw, threads. Built with g++ and clang++ as C++17 and C++20 under -Werror.
#include "exportlib.hpp"

#include <atomic>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

static int failures = 0;
static int checks = 0;

#define CHECK(cond)                                                                   \
    do {                                                                              \
        ++checks;                                                                     \
        if (!(cond)) {                                                                \
            ++failures;                                                               \
            std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                             \
    } while (0)

// The status an el::error carries, or -1 when the call did not throw one.
template <class F>
static int status_of(F&& call)
{
    try {
        call();
    } catch (const el::error& e) {
        CHECK(!e.message().empty());
        CHECK(std::string(e.what()).find(el::error::name_of(e.status())) == 0);
        return static_cast<int>(e.status());
    }
    return -1;
}

static void versions_and_statics()
{
    CHECK(el::version() == (EL_VERSION_MAJOR << 16 | EL_VERSION_MINOR << 8 | EL_VERSION_PATCH));
    CHECK(el::version_string() == std::to_string(EL_VERSION_MAJOR) + "." + std::to_string(EL_VERSION_MINOR) + "." + std::to_string(EL_VERSION_PATCH));
    CHECK(el::version_number() == el::version());
    CHECK(el::abi_hash() == EL_ABI_HASH);
    el::init();
    el::init();
    el::debug_noop();
    CHECK(!el::get_debug());
    el::set_debug(true);
    CHECK(el::get_debug());
    el::set_debug(false);
    CHECK(el::status_name(EL_ERR_BORROWED) == "EL_ERR_BORROWED");
    CHECK(el::status_name(static_cast<el_status>(77)) == "EL_UNKNOWN_STATUS");
}

static void errors()
{
    el::clear_last_error();
    CHECK(el::last_error_status() == EL_OK);
    CHECK(el::last_error_message().empty());
    CHECK(status_of([] { el::device_flags_parse("NOPE"); }) == EL_ERR_INVALID_ARGUMENT);
    CHECK(el::last_error_status() == EL_ERR_INVALID_ARGUMENT);
    CHECK(el::last_error_message().find("NOPE") != std::string::npos);
    try {
        el::abi_type_layout("el_nothing");
        CHECK(false);
    } catch (const el::error& e) {
        CHECK(e.status() == EL_ERR_INVALID_ARGUMENT);
        CHECK(e.message() == el::last_error_message());
    }
    el::clear_last_error();
    CHECK(el::last_error_status() == EL_OK);
}

static void memory_layout_and_unions()
{
    el_rgba orange{229, 131, 57, 255};
    CHECK(el::rgba_pack(orange) == 0xFF3983E5u);
    el_rgba back = el::rgba_unpack(0xFF3983E5u);
    CHECK(back.r == 229 && back.g == 131 && back.b == 57 && back.a == 255);
    el_example e = el::example_make(true, 1, 2, 3, 4);
    CHECK(e.tiny && e.normal == 1 && e.small == 2 && e.long_value == 3 && e.short_value == 4);
    CHECK(el::example_sum(e) == 11);
    el_point p = el::point_scale(el_point{1.5, -2}, 2);
    CHECK(p.x == 3 && p.y == -4);
    el_type_layout layout = el::abi_type_layout("el_example");
    CHECK(layout.size == 32 && layout.align == 8 && layout.field_count == 5);
    CHECK(el::abi_field_offset("el_example", "long_value") == 16);
    CHECK(status_of([] { el::abi_field_offset("el_example", "nope"); }) == EL_ERR_INVALID_ARGUMENT);
    CHECK(el::foo_describe(el::foo_bar_new(42)) == "Bar(42)");
    CHECK(el::foo_describe(el::foo_baz_new(true, 1.5)) == "Baz { a: true, b: 1.5 }");
    el_foo bad = el::foo_bar_new(1);
    bad.tag = static_cast<el_foo_tag>(9);
    CHECK(status_of([&] { el::foo_describe(bad); }) == EL_ERR_INVALID_ARGUMENT);
}

static void flags()
{
    auto both = el::device_flags::singlethreaded | el::device_flags::disable_gpu_timeout;
    CHECK(el::device_flags_describe(both) == "SINGLETHREADED|DISABLE_GPU_TIMEOUT");
    CHECK(el::device_flags_describe(el::device_flags{}) == "");
    CHECK(el::device_flags_parse("SINGLETHREADED | DEBUG") == (el::device_flags::singlethreaded | el::device_flags::debug));
    CHECK(el::device_flags_parse("") == el::device_flags{});
    CHECK(any(el::device_flags::all & el::device_flags::video_support));
    CHECK(!any(el::device_flags::debug & el::device_flags::singlethreaded));
    auto f = el::device_flags::debug;
    f |= el::device_flags::video_support;
    CHECK(static_cast<uint32_t>(f) == (EL_DEVICE_FLAGS_DEBUG | EL_DEVICE_FLAGS_VIDEO_SUPPORT));
    CHECK(status_of([] { el::device_flags_describe(static_cast<el::device_flags>(0x4)); }) == EL_ERR_INVALID_ARGUMENT);
    CHECK(status_of([] { el::device_flags_parse("DEBUG||VIDEO_SUPPORT"); }) == EL_ERR_INVALID_ARGUMENT);
}

static void contexts()
{
    auto lower = el::context::new_(EL_CASE_LOWER);
    CHECK(lower && lower.is_lower() && !lower.is_upper() && lower.state() == EL_CASE_LOWER);
    CHECK(lower.text() == "abcdefghijklmnopqrstuvwxyz");
    lower.to_upper();
    CHECK(lower.is_upper() && lower.text() == "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    lower.to_lower();
    CHECK(lower.state() == EL_CASE_LOWER);
    CHECK(status_of([] { el::context::new_(EL_CASE_INVALID); }) == EL_ERR_INVALID_ARGUMENT);
    CHECK(status_of([] { el::context::create(static_cast<el_case>(7)); }) == EL_ERR_INVALID_ARGUMENT);

    auto ctx = el::context::create(EL_CASE_UPPER);
    ctx.set_text("h\xC3\xA9llo w\xC3\xB6rld");
    CHECK(ctx.state() == EL_CASE_INVALID && ctx.text() == "h\xC3\xA9llo w\xC3\xB6rld");
    CHECK(status_of([&] { ctx.to_upper(); }) == EL_ERR_INVALID_STATE);
    CHECK(status_of([&] { ctx.set_text("bad \xFF"); }) == EL_ERR_INVALID_UTF8);
    CHECK(ctx.text() == "h\xC3\xA9llo w\xC3\xB6rld");
    {
        auto sub = ctx.subobject(0, 3);
        CHECK(sub.text() == "h\xC3\xA9");
        CHECK(status_of([&] { ctx.set_text("abcdefghijklmnopqrstuvwxyz"); }) == EL_ERR_BORROWED);
        CHECK(status_of([&] { ctx.subobject(0, 2); }) == EL_ERR_INVALID_ARGUMENT);
        CHECK(status_of([&] { ctx.subobject(5, 100); }) == EL_ERR_INVALID_ARGUMENT);
    }
    ctx.set_text("abcdefghijklmnopqrstuvwxyz");
    CHECK(ctx.is_lower());

    // Moving transfers ownership; a moved-from, reset or released handle is NULL to the library: an exception.
    el::context moved = std::move(ctx);
    CHECK(!ctx && moved);
    CHECK(status_of([&] { ctx.to_upper(); }) == EL_ERR_NULL_ARGUMENT);
    auto sub = moved.subobject(0, 1);
    moved.reset();
    CHECK(status_of([&] { sub.text(); }) == EL_ERR_INVALID_HANDLE);
    el_context* raw = el::context::create(EL_CASE_LOWER).release();
    el::context adopted(raw);
    CHECK(adopted.get() == raw && adopted.text().size() == 26);

    CHECK(el::alphabet_write(EL_CASE_UPPER) == "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    CHECK(status_of([] { el::alphabet_write(EL_CASE_INVALID); }) == EL_ERR_INVALID_ARGUMENT);
    char buf[27];
    CHECK(el::alphabet_copy(EL_CASE_LOWER, buf, sizeof buf) == 0 && std::strcmp(buf, "abcdefghijklmnopqrstuvwxyz") == 0);
    CHECK(el::alphabet_copy(EL_CASE_LOWER, buf, 5) == 27);
    CHECK(el::alphabet_copy(EL_CASE_INVALID, buf, sizeof buf) == static_cast<size_t>(-1));
}

static void event_loops()
{
    auto loop = el::event_loop::start();
    loop.post(EL_EVENT_TICK, 1);
    loop.post(EL_EVENT_MESSAGE, 2);
    loop.post(EL_EVENT_QUIT, 3);
    auto first = loop.next();
    CHECK(first && first->kind == EL_EVENT_TICK && first->sequence == 1 && first->value == 1);
    std::vector<int64_t> seen;
    for (const el_event& ev : loop) seen.push_back(ev.value);
    CHECK((seen == std::vector<int64_t>{2, 3}));
    CHECK(!loop.next());

    for (int i = 0; i < 5; i++) loop.post(EL_EVENT_MESSAGE, i);
    std::vector<int64_t> drained;
    size_t visited = loop.drain([&](const el_event& ev) { drained.push_back(ev.value); return ev.value == 2 ? 1 : 0; });
    CHECK(visited == 3 && (drained == std::vector<int64_t>{0, 1, 2}));
    // An exception in the callback stops the drain (that event is consumed) and reaches the caller.
    try {
        loop.drain([](const el_event&) -> int32_t { throw std::runtime_error("from the callback"); });
        CHECK(false);
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()) == "from the callback");
    }
    CHECK(loop.next()->value == 4);
    CHECK(!loop.next());

    // The loop belongs to the thread that started it.
    int status = -2;
    std::thread other([&] { status = status_of([&] { loop.next(); }); loop.post(EL_EVENT_TICK, 9); });
    other.join();
    CHECK(status == EL_ERR_WRONG_THREAD);
    CHECK(loop.next()->value == 9);
}

static void callbacks()
{
    std::vector<int32_t> in{1, 2, 3};
    int32_t offset = 100;
    CHECK((el::map_i32(in, [&](int32_t x) { return x + offset; }) == std::vector<int32_t>{101, 102, 103}));
    CHECK(el::map_i32({}, [](int32_t x) { return x; }).empty());
    int calls = 0;
    try {
        el::map_i32(in, [&](int32_t x) -> int32_t { ++calls; if (x == 2) throw std::logic_error("two"); return x; });
        CHECK(false);
    } catch (const std::logic_error& e) {
        CHECK(std::string(e.what()) == "two");
    }
    CHECK(calls == 2);  // not called again once it threw
    CHECK(el::map_i32(in, [](int32_t x) { return -x; })[2] == -3);  // the library is still usable

    std::vector<std::string> messages;
    el::set_log_callback([&](el_log_level level, std::string_view message) {
        if (level == EL_LOG_WARN) messages.emplace_back(message);
    });
    CHECK(status_of([] { el::device_flags_parse("X"); }) == EL_ERR_INVALID_ARGUMENT);
    CHECK(messages.size() == 1 && messages[0].find("X") != std::string::npos);
    // A throwing log callback: the exception reaches the caller of the call that logged.
    el::set_log_callback([](el_log_level, std::string_view) { throw std::runtime_error("log"); });
    try {
        el::device_flags_parse("Y");
        CHECK(false);
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()) == "log");
    }
    el::set_log_callback(nullptr);
    CHECK(status_of([] { el::device_flags_parse("Z"); }) == EL_ERR_INVALID_ARGUMENT);
    CHECK(messages.size() == 1);
}

static void strings_and_bulk()
{
    std::u16string wide = el::utf8_to_utf16("h\xC3\xA9 \xF0\x9F\x98\x80");
    CHECK(wide == u"h\u00e9 \U0001F600");
    CHECK(el::utf16_to_utf8(wide) == "h\xC3\xA9 \xF0\x9F\x98\x80");
    CHECK(el::utf8_to_utf16("").empty() && el::utf16_to_utf8(u"").empty());
    CHECK(status_of([] { el::utf8_to_utf16("\xC3"); }) == EL_ERR_INVALID_UTF8);
    std::u16string lone(1, static_cast<char16_t>(0xD800));
    CHECK(status_of([&] { el::utf16_to_utf8(lone); }) == EL_ERR_INVALID_UTF16);
    CHECK(el::string_reverse("abc") == "cba");
    CHECK(el::string_reverse("e\xCC\x81x") == "xe\xCC\x81");
    CHECK(status_of([] { el::string_reverse("\xFF"); }) == EL_ERR_INVALID_UTF8);
    const char* digits = "123456789";
    CHECK(el::crc32(0, digits, 9) == 0xCBF43926u);
    CHECK(el::crc32(el::crc32(0, digits, 4), digits + 4, 5) == 0xCBF43926u);
    CHECK(el::xxh3_64(nullptr, 0, 0) == 0x2D06800538D394C2ull);
    CHECK(el::debug_live_handles() == 0);
}

int main()
{
    versions_and_statics();
    errors();
    memory_layout_and_unions();
    flags();
    contexts();
    event_loops();
    callbacks();
    strings_and_bulk();
    std::printf("C++ layer (C++%ld): %d checks, %d failed\n", static_cast<long>(__cplusplus / 100 % 100), checks, failures);
    return failures == 0 ? 0 : 1;
}

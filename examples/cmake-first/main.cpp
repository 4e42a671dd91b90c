// C++ using a C# library that this project's own CMake build compiled with ExportLibTools.
#include <cstdio>
#include <string>

#include <greeter.h>

int main()
{
    if (gr_greeting_count != 3 || gr_abi_hash != GR_ABI_HASH) {
        std::fprintf(stderr, "unexpected data symbols\n");
        return 1;
    }
    std::string text(gr_greet("CMake", nullptr, 0), '\0');
    gr_greet("CMake", text.data(), text.size());
    text.pop_back();
    std::printf("%s\n", text.c_str());
    return text == "Hello, CMake!" ? 0 : 1;
}

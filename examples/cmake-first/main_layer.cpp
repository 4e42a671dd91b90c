// The same library through the C++ layer that ExportLibTools generated for it (greeter.hpp): no annotations on the
// C# side, so the layer follows the C signatures (docs/bindings.md).
#include <cstdio>
#include <string>

#include <greeter.hpp>

int main()
{
    char buf[64];
    std::size_t needed = gr::greet("C++ layer", buf, sizeof buf);
    std::printf("%s\n", buf);
    return needed == 18 && std::string(buf) == "Hello, C++ layer!" && gr::greeting_count() == 3 && gr::abi_hash() == GR_ABI_HASH ? 0 : 1;
}

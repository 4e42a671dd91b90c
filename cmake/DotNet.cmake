# Finds the .NET SDK that builds the library, HeaderGen and the NUnit tests.
find_program(DOTNET NAMES dotnet HINTS "$ENV{DOTNET_ROOT}" "$ENV{HOME}/.dotnet" REQUIRED)
set(DOTNET_QUIET -nologo -v:minimal)

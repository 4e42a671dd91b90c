using System.Linq;
using HeaderGen.Model;

namespace HeaderGen.Emit;

/// <summary>The exported function names, one per line in header order: for linker scripts and symbol checks.</summary>
public static class SymbolsWriter
{
    public static string Write(CHeader header)
        => string.Concat(header.Functions.Select(f => f.Name + "\n"));
}

using System.Globalization;
using System.Linq;
using HeaderGen.Model;

namespace HeaderGen.Emit;

/// <summary>
/// Facts about the interface that build tools need and cannot read from C (the macro prefix names the header's
/// STATIC switch), one KEY=VALUE per line.
/// </summary>
public static class InterfaceInfoWriter
{
    public static string Write(CHeader header)
        => $"MacroPrefix={header.MacroPrefix}\n"
         + $"AbiHash=0x{header.AbiHash.ToString("X16", CultureInfo.InvariantCulture)}\n"
         + $"Functions={string.Join(';', header.Functions.Select(f => f.Name))}\n"
         + $"DataSymbols={string.Join(';', header.Data.Select(d => d.Name))}\n";
}

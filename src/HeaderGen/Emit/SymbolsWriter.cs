using System.Linq;
using HeaderGen.Model;

namespace HeaderGen.Emit;

/// <summary>
/// Every name the library exports, one per line in header order: the functions under a <c># functions</c> line, the
/// data symbols under <c># data</c>. objcopy's --keep-global-symbols reads it as it is ('#' starts a comment), and
/// symbol checks tell code from data by the section.
/// </summary>
public static class SymbolsWriter
{
    public static string Write(CHeader header)
        => "# functions\n" + string.Concat(header.Functions.Select(f => f.Name + "\n"))
         + "# data\n" + string.Concat(header.Data.Select(d => d.Name + "\n"));
}

using System.Collections.Generic;

namespace HeaderGen.Model;

/// <summary>Everything one header declares, plus the options that shape its text.</summary>
public sealed class CHeader
{
    /// <summary>
    /// The macros the header defines for itself, after the macro prefix (EL_API, EL_CALL, ...). No declaration may
    /// take these names; the naming pass claims them first.
    /// </summary>
    public static readonly string[] OwnMacroSuffixes =
    {
        "API", "STATIC", "BUILDING", "CALL", "CDECL", "STDCALL", "FASTCALL", "THISCALL", "STATIC_ASSERT", "ALIGNOF",
        "CONCAT", "CONCAT_", "ASSERT_SIZE", "ASSERT_OFFSET", "ASSERT_ALIGN", "ABI_HASH", "DATA_HIDDEN",
    };

    /// <summary>
    /// The names the loader header (--loader) declares besides the header's: the API struct, its loader and symbol
    /// helper, and a pointer typedef per function. The naming pass reserves them so the two headers never collide.
    /// </summary>
    public IEnumerable<string> LoaderNames()
    {
        yield return SymbolPrefix + "api";
        yield return SymbolPrefix + "api_load";
        yield return SymbolPrefix + "api_symbol_";
        foreach (var function in Functions)
        {
            yield return function.Name + "_ptr";
        }
    }

    public required string SourceAssembly { get; init; }

    /// <summary>Prefix of type names (<c>el_</c>); its upper-case form prefixes the header's own macros.</summary>
    public required string Prefix { get; init; }

    public required string Guard { get; init; }

    public List<string> ExtraIncludes { get; } = new();

    /// <summary>Types, in the order the header defines them once the ordering pass has run.</summary>
    public List<CDeclaration> Types { get; set; } = new();

    public List<CConstant> Constants { get; } = new();

    public List<CVerbatimCode> VerbatimCode { get; } = new();

    public List<CFunction> Functions { get; } = new();

    /// <summary>Data symbols: the [CData] constants, then the ABI fingerprint (added by the fingerprint pass).</summary>
    public List<CDataSymbol> Data { get; } = new();

    /// <summary>The fingerprint of the interface (set by the fingerprint pass): <c>PREFIX_ABI_HASH</c> and <c>prefix_abi_hash</c>.</summary>
    public ulong AbiHash { get; set; }

    /// <summary>
    /// EL_ for the prefix el_; without a prefix, the guard with one trailing _H removed (MY_HEADER_H -> MY_HEADER_).
    /// </summary>
    public string MacroPrefix => Prefix.Length > 0
        ? Prefix.ToUpperInvariant()
        : (Guard.EndsWith("_H", System.StringComparison.Ordinal) ? Guard[..^2] : Guard) + "_";

    /// <summary>The lower-case form of <see cref="MacroPrefix"/>, for the names of the data symbols HeaderGen adds.</summary>
    public string SymbolPrefix => Prefix.Length > 0 ? Prefix : MacroPrefix.ToLowerInvariant();

    public string AbiHashMacro => MacroPrefix + "ABI_HASH";

    public string AbiHashSymbol => SymbolPrefix + "abi_hash";
}

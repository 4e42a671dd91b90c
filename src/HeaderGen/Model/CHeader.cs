using System.Collections.Generic;

namespace HeaderGen.Model;

/// <summary>Everything one header declares, plus the options that shape its text.</summary>
public sealed class CHeader
{
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

    public string MacroPrefix => Prefix.Length > 0 ? Prefix.ToUpperInvariant() : Guard.Replace("_H", string.Empty) + "_";
}

using System;
using System.Collections.Generic;
using HeaderGen.Model;

namespace HeaderGen.Reading;

/// <summary>
/// What the type mappers of all input and referenced assemblies share: the declarations in the order they were met
/// (so a struct defined in one assembly and used by another's export is declared once), and the typedefs made for
/// unnamed function pointers.
/// </summary>
internal sealed class DeclarationRegistry
{
    public List<CDeclaration> Order { get; } = new();

    public Dictionary<string, CFunctionPointer> UnnamedCallbacks { get; } = new(StringComparer.Ordinal);

    /// <summary>Framework value types with a fixed layout, declared the first time one is used, by full name.</summary>
    public Dictionary<string, CType> FrameworkTypes { get; } = new(StringComparer.Ordinal);
}

namespace HeaderGen.Model;

/// <summary>
/// A data symbol the library defines (<c>extern const uint32_t el_version_number;</c>). Native AOT cannot export data,
/// so the toolchain compiles the definition from a generated C file into both libraries; <see cref="Initializer"/> is
/// its value (the C# constant's). A mutable symbol is a C global that C code may write and C#
/// code reads through <see cref="AddressFunction"/>.
/// </summary>
public sealed class CDataSymbol(string name, string origin, CType type, CLiteral initializer, bool mutable) : CDeclaration(name, origin)
{
    public CType Type { get; } = type;

    public CLiteral Initializer { get; } = initializer;

    public bool Mutable { get; } = mutable;

    /// <summary>The hidden C function that hands C# the symbol's address (bound through DirectPInvoke).</summary>
    public string AddressFunction => Name + "__address";

    /// <summary>The declarator of the symbol: <c>const uint32_t name</c>, <c>const char name[]</c>.</summary>
    public string Declare() => Type is CArray array
        ? $"{(Mutable ? string.Empty : "const ")}{array.Element.Declare(string.Empty)} {Name}[]"
        : $"{(Mutable ? string.Empty : "const ")}{Type.Declare(Name)}";
}

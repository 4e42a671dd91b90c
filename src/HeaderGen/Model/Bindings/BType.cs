namespace HeaderGen.Model.Bindings;

/// <summary>What a C type is, for the layers: the spelling a verbatim type ([CType]) gives is read back here.</summary>
public enum BTypeKind
{
    Void,
    Primitive,
    Char,
    Enum,
    Struct,
    Opaque,
    Callback,
}

/// <summary>
/// A C type reduced to what the layers decide on: its base (a primitive spelling or a declaration), how many pointers
/// lead to it, and whether the innermost pointee is const.
/// </summary>
public sealed record BType(BTypeKind Kind, string Spelling, CDeclaration? Declaration, int Pointers, bool Const)
{
    public bool IsValue => Pointers == 0 && Kind is BTypeKind.Primitive or BTypeKind.Enum or BTypeKind.Struct or BTypeKind.Char;

    public bool IsSize => Pointers == 0 && Spelling == "size_t";

    public bool PointsTo(string spelling, int depth = 1) => Pointers == depth && Spelling == spelling;

    /// <summary>A pointer to one value the callee writes (not char: that is text).</summary>
    public bool IsValueOut => Pointers == 1 && !Const && Kind is BTypeKind.Primitive or BTypeKind.Enum or BTypeKind.Struct;

    public CEnum? Enum => Declaration as CEnum;

    public CStruct? Struct => Declaration as CStruct;

    public COpaque? Opaque => Declaration as COpaque;

    public CFunctionPointer? Callback => Declaration as CFunctionPointer;

    /// <summary>The same base with one pointer less.</summary>
    public BType Pointee => this with { Pointers = Pointers - 1 };

    public static BType Of(CType type) => type switch
    {
        CPrimitive p when p.Spelling == "void" => new(BTypeKind.Void, "void", null, 0, false),
        CPrimitive p => new(p.Spelling == "char" ? BTypeKind.Char : BTypeKind.Primitive, p.Spelling, null, 0, false),
        CNamedType { Declaration: CEnum e } => new(BTypeKind.Enum, e.Name, e, 0, false),
        CNamedType { Declaration: CStruct s } => new(BTypeKind.Struct, s.Name, s, 0, false),
        CNamedType { Declaration: COpaque o } => new(BTypeKind.Opaque, o.Name, o, 0, false),
        CNamedType { Declaration: CFunctionPointer f } => new(BTypeKind.Callback, f.Name, f, 0, false),
        CPointer pointer => PointerTo(Of(pointer.Pointee), pointer.ConstPointee),
        CVerbatimType verbatim => Parse(verbatim.Spelling, verbatim.Underlying),
        _ => new(BTypeKind.Void, type.Declare(string.Empty), null, -1, false),
    };

    private static BType PointerTo(BType inner, bool constPointee)
        => inner with { Pointers = inner.Pointers + 1, Const = inner.Pointers == 0 ? constPointee : inner.Const };

    // "const char*", "size_t", "char**", "uint16_t*": a primitive behind pointers, as [CType] spells it.
    private static BType Parse(string spelling, CType? underlying)
    {
        string text = spelling.Trim();
        bool isConst = text.StartsWith("const ", System.StringComparison.Ordinal);
        if (isConst)
        {
            text = text[6..].Trim();
        }

        int pointers = 0;
        while (text.EndsWith('*'))
        {
            pointers++;
            text = text[..^1].TrimEnd();
        }

        if (underlying is not null && pointers == 0 && Of(underlying) is { Pointers: 0 } mapped && mapped.Kind != BTypeKind.Primitive)
        {
            return mapped;
        }

        var kind = text switch
        {
            "void" => BTypeKind.Void,
            "char" => BTypeKind.Char,
            _ => BTypeKind.Primitive,
        };
        return new(kind, text, null, pointers, isConst);
    }
}

namespace HeaderGen.Model;

/// <summary>A C type as it is spelled where it is used: a primitive, a pointer, an array, or a named declaration.</summary>
public abstract record CType
{
    /// <summary>The C spelling of a declarator of this type named <paramref name="name"/> (may be empty).</summary>
    public abstract string Declare(string name);

    protected static string Join(string type, string name) => name.Length == 0 ? type : $"{type} {name}";
}

/// <summary>A built-in or standard-header type (<c>int32_t</c>, <c>bool</c>, <c>double</c>, <c>void</c>, <c>uintptr_t</c>).</summary>
public sealed record CPrimitive(string Spelling, int Size, int Align) : CType
{
    public static readonly CPrimitive Void = new("void", 0, 1);

    public override string Declare(string name) => Join(Spelling, name);
}

/// <summary>A pointer; <see cref="ConstPointee"/> makes it <c>const T*</c>.</summary>
public sealed record CPointer(CType Pointee, bool ConstPointee = false) : CType
{
    public override string Declare(string name)
    {
        string constness = ConstPointee ? "const " : string.Empty;
        return Pointee switch
        {
            CArray => Pointee.Declare($"(*{name})"),
            _ => Join($"{constness}{Pointee.Declare(string.Empty)}*", name),
        };
    }
}

/// <summary>A fixed-length array (only as a struct field: <c>T name[N]</c>).</summary>
public sealed record CArray(CType Element, int Length) : CType
{
    public override string Declare(string name) => Element.Declare($"{name}[{Length}]");
}

/// <summary>A use of a named declaration: a struct, union, enum, flags, opaque or function-pointer typedef.</summary>
public sealed record CNamedType(CDeclaration Declaration) : CType
{
    public override string Declare(string name) => Join(Declaration.Name, name);

    public bool Equals(CNamedType? other) => other is not null && ReferenceEquals(Declaration, other.Declaration);

    public override int GetHashCode() => Declaration.GetHashCode();
}

/// <summary>
/// A spelling given by an attribute ([CType], DNNE's [C99Type]); it stands for the C# type it annotates, whose
/// size and alignment it must have. It replaces the C# type before that is mapped: for a parameter or a result the
/// C# type is not mapped at all (<see cref="Underlying"/> is null), so a type only the spelling names is never
/// declared; a struct field keeps the mapped type, whose layout the struct's needs.
/// </summary>
public sealed record CVerbatimType(string Spelling, CType? Underlying) : CType
{
    public override string Declare(string name) => Join(Spelling, name);
}

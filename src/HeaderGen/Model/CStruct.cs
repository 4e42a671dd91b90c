using System.Collections.Generic;
using System.Linq;

namespace HeaderGen.Model;

/// <summary>A struct or union field. <see cref="Offset"/> is the byte offset in the layout the C# runtime uses.</summary>
public sealed class CField(string name, string origin, CType type) : CNamedMember(name, origin)
{
    public CType Type { get; } = type;

    public int Offset { get; set; }

    /// <summary>For explicit layouts: the offset the C# source gives (FieldOffset).</summary>
    public int? ExplicitOffset { get; init; }

    /// <summary>The C# field's name (the C name may differ: [CName], keyword renames).</summary>
    public string? ClrName { get; init; }

    /// <summary>Padding HeaderGen adds so that C places the next field where C# does.</summary>
    public bool IsPadding { get; init; }
}

public enum CLayoutKind
{
    Sequential,
    Explicit,
}

/// <summary>A struct or a union, with the layout computed from the C# declaration.</summary>
public sealed class CStruct(string name, string origin, bool isUnion) : CDeclaration(name, origin)
{
    public bool IsUnion { get; set; } = isUnion;

    public CLayoutKind LayoutKind { get; init; }

    /// <summary>StructLayout.Pack; 0 means the default (natural alignment).</summary>
    public int Pack { get; init; }

    /// <summary>StructLayout.Size; 0 means none.</summary>
    public int DeclaredSize { get; init; }

    public List<CField> Fields { get; } = new();

    public int Size { get; set; }

    public int Align { get; set; }

    /// <summary>Whether the C definition needs <c>#pragma pack(N)</c> to reproduce the C# packing (set by the layout pass).</summary>
    public bool NeedsPragmaPack { get; set; }

    /// <summary>The fields C# declares, without the padding HeaderGen inserts.</summary>
    public IEnumerable<CField> DeclaredFields => Fields.Where(f => !f.IsPadding);
}

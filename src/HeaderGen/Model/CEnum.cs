using System.Collections.Generic;

namespace HeaderGen.Model;

public sealed class CEnumMember(string name, string origin, long value) : CNamedMember(name, origin)
{
    /// <summary>The value, sign- or zero-extended from the underlying type as its signedness says.</summary>
    public long Value { get; } = value;
}

/// <summary>
/// An enum. A 32-bit enum whose values fit in <c>int</c> is a C <c>enum</c>; any other width, and every [Flags]
/// enum, is a typedef of the exact integer type with one macro per member, because C99 fixes enums to <c>int</c>.
/// </summary>
public sealed class CEnum(string name, string origin, CPrimitive underlying, bool isSigned, bool isFlags) : CDeclaration(name, origin)
{
    public CPrimitive Underlying { get; } = underlying;

    public bool IsSigned { get; } = isSigned;

    public bool IsFlags { get; } = isFlags;

    /// <summary>[CStatus]: the status enum; 0 is success, anything else a failure the layers throw.</summary>
    public bool IsStatus { get; init; }

    /// <summary>Prefix of member names, upper case, ending in '_'.</summary>
    public string MemberPrefix { get; set; } = string.Empty;

    public List<CEnumMember> Members { get; } = new();

    /// <summary>For flags: the name of the macro holding every flag.</summary>
    public string AllMaskName => MemberPrefix + "ALL";

    public bool IsCEnum => !IsFlags && Underlying.Size == 4 && Members.TrueForAll(m => m.Value is >= int.MinValue and <= int.MaxValue);
}

namespace HeaderGen.Model;

/// <summary>A parameter of an export or of a function-pointer typedef.</summary>
public sealed class CParameter(string name, string origin, CType type) : CNamedMember(name, origin)
{
    public CType Type { get; } = type;
}

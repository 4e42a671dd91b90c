namespace HeaderGen.Model;

/// <summary>A C preprocessor constant: <c>#define NAME value</c>.</summary>
public sealed class CConstant(string name, string origin, CLiteral value) : CDeclaration(name, origin)
{
    public CLiteral Value { get; } = value;
}

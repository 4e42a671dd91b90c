namespace HeaderGen.Model;

/// <summary>A C preprocessor constant: <c>#define NAME value</c>.</summary>
public sealed class CConstant(string name, string origin, string value) : CDeclaration(name, origin)
{
    public string Value { get; } = value;
}

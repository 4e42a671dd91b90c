namespace HeaderGen.Model;

/// <summary>Code copied into the header as it is (DNNE's [C99DeclCode]).</summary>
public sealed class CVerbatimCode(string origin, string code) : CDeclaration(string.Empty, origin)
{
    public string Code { get; } = code;
}

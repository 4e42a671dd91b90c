namespace HeaderGen.Model;

/// <summary>A named function-pointer typedef: <c>typedef R (*name)(params);</c>.</summary>
public sealed class CFunctionPointer(string name, string origin, CSignature signature) : CDeclaration(name, origin)
{
    public CSignature Signature { get; } = signature;
}

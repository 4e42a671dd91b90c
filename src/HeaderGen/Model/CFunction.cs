namespace HeaderGen.Model;

/// <summary>An exported function; <see cref="CDeclaration.Name"/> is its entry point.</summary>
public sealed class CFunction(string name, string origin, CSignature signature) : CDeclaration(name, origin)
{
    public CSignature Signature { get; } = signature;

    /// <summary>
    /// The header type the function is about, which the header groups functions by (set by the ordering pass), or
    /// null for functions about no type of the header.
    /// </summary>
    public string? Group { get; set; }

    /// <summary>What the layers need to know beyond the signature (from the C# side's annotations).</summary>
    public CFunctionHints Hints { get; init; }

    /// <summary>The platforms the export exists on, when the C# code says ([SupportedOSPlatform] and friends).</summary>
    public CPlatformGuard? Platforms { get; set; }
}

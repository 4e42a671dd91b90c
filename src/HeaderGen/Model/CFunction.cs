namespace HeaderGen.Model;

/// <summary>An exported function; <see cref="CDeclaration.Name"/> is its entry point.</summary>
public sealed class CFunction(string name, string origin, CSignature signature, string group) : CDeclaration(name, origin)
{
    public CSignature Signature { get; } = signature;

    /// <summary>The C# type that declares the export: the header groups functions by it.</summary>
    public string Group { get; } = group;

    public string? GroupDocumentation { get; set; }

    /// <summary>The platforms the export exists on, when the C# code says ([SupportedOSPlatform] and friends).</summary>
    public CPlatformGuard? Platforms { get; set; }
}

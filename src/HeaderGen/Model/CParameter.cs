namespace HeaderGen.Model;

/// <summary>A parameter of an export or of a function-pointer typedef.</summary>
public sealed class CParameter(string name, string origin, CType type) : CNamedMember(name, origin)
{
    public CType Type { get; } = type;

    /// <summary>[CLength]: the C# name of the parameter that counts this array's elements.</summary>
    public string? LengthParameter { get; init; }

    /// <summary>[CCallbackErrorResult]: what a callback trampoline returns when the callable throws.</summary>
    public long? CallbackErrorResult { get; init; }
}

using System.Collections.Generic;

namespace HeaderGen.Model;

/// <summary>A function's result, parameters and calling convention: what exports and function pointers share.</summary>
public sealed class CSignature(CType returnType, CCallingConvention callingConvention)
{
    public CType ReturnType { get; } = returnType;

    public CCallingConvention CallingConvention { get; } = callingConvention;

    public List<CParameter> Parameters { get; } = new();

    public string? ReturnDocumentation { get; set; }
}

using System.Collections.Generic;

namespace HeaderGen.Model;

/// <summary>The calling conventions an export or function pointer may use; each is a macro in the header.</summary>
public enum CCallingConvention
{
    /// <summary>The platform's default for unmanaged code: stdcall on 32-bit Windows, cdecl elsewhere.</summary>
    Default,
    Cdecl,
    Stdcall,
    Fastcall,
    Thiscall,
}

public sealed class CParameter(string name, string origin, CType type)
{
    public string Name { get; set; } = name;

    public string Origin { get; } = origin;

    public CType Type { get; } = type;

    public string? Documentation { get; set; }
}

/// <summary>A function's result, parameters and calling convention: what exports and function pointers share.</summary>
public sealed class CSignature(CType returnType, CCallingConvention callingConvention)
{
    public CType ReturnType { get; } = returnType;

    public CCallingConvention CallingConvention { get; } = callingConvention;

    public List<CParameter> Parameters { get; } = new();

    public string? ReturnDocumentation { get; set; }
}

/// <summary>An exported function; <see cref="CDeclaration.Name"/> is its entry point.</summary>
public sealed class CFunction(string name, string origin, CSignature signature, string group) : CDeclaration(name, origin)
{
    public CSignature Signature { get; } = signature;

    /// <summary>The C# type that declares the export: the header groups functions by it.</summary>
    public string Group { get; } = group;

    public string? GroupDocumentation { get; set; }
}

/// <summary>A named function-pointer typedef: <c>typedef R (*name)(params);</c>.</summary>
public sealed class CFunctionPointer(string name, string origin, CSignature signature) : CDeclaration(name, origin)
{
    public CSignature Signature { get; } = signature;
}

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

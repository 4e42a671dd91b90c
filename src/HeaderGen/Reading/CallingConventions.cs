using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;
using HeaderGen.Model;

namespace HeaderGen.Reading;

/// <summary>Reads calling conventions where C# puts them: UnmanagedCallersOnly's CallConvs, function-pointer modifiers.</summary>
internal static class CallingConventions
{
    public static CCallingConvention FromTypeNames(ImmutableArray<string> names)
    {
        foreach (string name in names)
        {
            string simple = name.Split(',')[0].Trim();
            simple = simple[(simple.LastIndexOf('.') + 1)..];
            switch (simple)
            {
                case "CallConvCdecl": return CCallingConvention.Cdecl;
                case "CallConvStdcall": return CCallingConvention.Stdcall;
                case "CallConvFastcall": return CCallingConvention.Fastcall;
                case "CallConvThiscall": return CCallingConvention.Thiscall;
            }
        }

        return CCallingConvention.Default;
    }

    public static CCallingConvention OfFunctionPointer(MethodSignature<ClrType> signature) => signature.Header.CallingConvention switch
    {
        SignatureCallingConvention.CDecl => CCallingConvention.Cdecl,
        SignatureCallingConvention.StdCall => CCallingConvention.Stdcall,
        SignatureCallingConvention.FastCall => CCallingConvention.Fastcall,
        SignatureCallingConvention.ThisCall => CCallingConvention.Thiscall,
        // delegate* unmanaged[A, B]<...>: the conventions are modifiers on the return type.
        _ => FromTypeNames(signature.ReturnType.Modifiers().OfType<ClrReference>().Select(r => r.FullName).ToImmutableArray()),
    };

    public static CCallingConvention OfDelegate(CustomAttributeValue<ClrType>? unmanagedFunctionPointer)
        => unmanagedFunctionPointer is { FixedArguments: [{ Value: int value }, ..] } ? value switch
        {
            2 => CCallingConvention.Cdecl,
            3 => CCallingConvention.Stdcall,
            4 => CCallingConvention.Thiscall,
            5 => CCallingConvention.Fastcall,
            _ => CCallingConvention.Default,
        } : CCallingConvention.Default;
}

using System.Globalization;
using System.IO.Hashing;
using System.Linq;
using System.Text;
using HeaderGen.Model;

namespace HeaderGen.Passes;

/// <summary>
/// Computes the interface's fingerprint (<c>PREFIX_ABI_HASH</c>) from the checked, ordered model: every declared name,
/// function signature and calling convention, enum value, struct layout and data symbol type, in header order. Not
/// documentation, not constants' or data symbols' values (a new version number is not a new interface). XXH64 of a
/// canonical text, so the same interface gives the same hash on every build and machine. Adds the
/// <c>prefix_abi_hash</c> data symbol that carries it.
/// </summary>
public sealed class AbiFingerprintPass
{
    public void Run(CHeader header)
    {
        var text = new StringBuilder();
        void Item(string kind, string value) => text.Append(kind).Append(' ').Append(value).Append('\n');

        foreach (var declaration in header.Types)
        {
            switch (declaration)
            {
                case CEnum e:
                    Item("enum", $"{e.Name}:{e.Underlying.Spelling}:{(e.IsFlags ? "flags" : e.IsCEnum ? "c" : "typedef")}");
                    foreach (var member in e.Members)
                    {
                        Item("member", $"{member.Name}={member.Value.ToString(CultureInfo.InvariantCulture)}");
                    }

                    break;
                case CStruct s:
                    Item(s.IsUnion ? "union" : "struct", $"{s.Name}:{s.Size}:{s.Align}:{s.Pack}");
                    foreach (var field in s.Fields)
                    {
                        Item("field", $"{field.Type.Declare(field.Name)}@{field.Offset}");
                    }

                    break;
                case CFunctionPointer f:
                    Item("callback", $"{f.Name}:{Signature(f.Signature)}");
                    break;
                default:
                    Item("type", declaration.Name);
                    break;
            }
        }

        foreach (var constant in header.Constants)
        {
            Item("macro", constant.Name);
        }

        foreach (var data in header.Data)
        {
            Item("data", data.Declare());
        }

        foreach (var function in header.Functions)
        {
            Item("function", $"{function.Name}:{Signature(function.Signature)}");
        }

        header.AbiHash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(text.ToString()));
        header.Data.Add(new CDataSymbol(header.AbiHashSymbol, "HeaderGen (the interface's fingerprint)", CPrimitives.UInt64, new CMacroLiteral(header.AbiHashMacro), mutable: false)
        {
            Documentation = $"Equal to {header.AbiHashMacro} in the header the library was built with: compare the two to check that the loaded library has the interface this header describes.",
        });
    }

    private static string Signature(CSignature signature)
        => $"{signature.CallingConvention} {signature.ReturnType.Declare(string.Empty)}({string.Join(",", signature.Parameters.Select(p => p.Type.Declare(string.Empty)))})";
}

using System.Collections.Generic;
using System.Linq;
using HeaderGen.Model;

namespace HeaderGen.Passes;

/// <summary>
/// Puts every type before its first use. Enums and opaque types depend on nothing; every struct and union is
/// forward-declared, so pointers (and cycles through them) need no order; function-pointer typedefs only need the
/// names; struct definitions follow the by-value containment order. Ties keep the order the types were met in,
/// so the output is the same for the same assembly.
/// Functions are grouped by the header type they are about, a rule a C reader can follow without the C# source: the
/// type of the first parameter (by value or through a pointer) when it is one of the header's types, else the result
/// when it is a pointer to an opaque type or a struct by value (constructors and factories), else no type. The
/// functions about no type come first, then the groups in alphabetical order; within a group, the exports keep the
/// order the assembly declares them in.
/// </summary>
public sealed class OrderingPass
{
    public void Run(CHeader header)
    {
        var ordered = new List<CDeclaration>();
        ordered.AddRange(header.Types.OfType<CEnum>());
        ordered.AddRange(header.Types.OfType<COpaque>());
        ordered.AddRange(header.Types.OfType<CFunctionPointer>());

        var visited = new HashSet<CStruct>();
        void Visit(CStruct s)
        {
            if (!visited.Add(s))
            {
                return;
            }

            foreach (var field in s.Fields)
            {
                if (ByValueStruct(field.Type) is { } dependency)
                {
                    Visit(dependency);
                }
            }

            ordered.Add(s);
        }

        foreach (var s in header.Types.OfType<CStruct>())
        {
            Visit(s);
        }

        header.Types = ordered;

        foreach (var function in header.Functions)
        {
            function.Group = GroupOf(function.Signature);
        }

        var grouped = header.Functions
            .Select((function, index) => (function, index))
            .OrderBy(f => f.function.Group is null ? 0 : 1)
            .ThenBy(f => f.function.Group, System.StringComparer.Ordinal)
            .ThenBy(f => f.index)
            .Select(f => f.function)
            .ToList();
        header.Functions.Clear();
        header.Functions.AddRange(grouped);
    }

    private static string? GroupOf(CSignature signature)
    {
        if (signature.Parameters.Count > 0 && Declared(signature.Parameters[0].Type) is { } first)
        {
            return first.Name;
        }

        return signature.ReturnType switch
        {
            CPointer { Pointee: CNamedType { Declaration: COpaque opaque } } => opaque.Name,
            CNamedType { Declaration: CStruct s } => s.Name,
            _ => null,
        };
    }

    private static CDeclaration? Declared(CType type) => type switch
    {
        CNamedType named => named.Declaration,
        CPointer pointer => Declared(pointer.Pointee),
        _ => null,
    };

    private static CStruct? ByValueStruct(CType type) => type switch
    {
        CNamedType { Declaration: CStruct s } => s,
        CArray a => ByValueStruct(a.Element),
        CVerbatimType { Underlying: { } underlying } => ByValueStruct(underlying),
        _ => null,
    };
}

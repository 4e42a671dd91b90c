using System.Collections.Generic;
using System.Linq;
using HeaderGen.Model;

namespace HeaderGen.Passes;

/// <summary>
/// Puts every type before its first use. Enums and opaque types depend on nothing; every struct and union is
/// forward-declared, so pointers (and cycles through them) need no order; function-pointer typedefs only need the
/// names; struct definitions follow the by-value containment order. Ties keep the order the types were met in,
/// so the output is the same for the same assembly.
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
    }

    private static CStruct? ByValueStruct(CType type) => type switch
    {
        CNamedType { Declaration: CStruct s } => s,
        CArray a => ByValueStruct(a.Element),
        CVerbatimType { Underlying: { } underlying } => ByValueStruct(underlying),
        _ => null,
    };
}

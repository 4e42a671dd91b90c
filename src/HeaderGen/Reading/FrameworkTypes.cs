using HeaderGen.Model;

namespace HeaderGen.Reading;

/// <summary>
/// Framework value types whose layout is fixed and known, so an export may use them although HeaderGen does not read
/// the framework's metadata: System.Guid (Windows' GUID layout, 16 bytes), and the C-sized numbers of
/// System.Runtime.InteropServices (CLong, CULong: C's long; NFloat: a pointer-sized float, double on 64-bit).
/// </summary>
internal static class FrameworkTypes
{
    public static CType? Map(string fullName, string prefix, DeclarationRegistry registry)
    {
        if (registry.FrameworkTypes.TryGetValue(fullName, out var known))
        {
            return known;
        }

        CType? type = fullName switch
        {
            "System.Runtime.InteropServices.CLong" => CPrimitives.Long,
            "System.Runtime.InteropServices.CULong" => CPrimitives.ULong,
            "System.Runtime.InteropServices.NFloat" => CPrimitives.Double,
            "System.Guid" => Guid(prefix, registry),
            _ => null,
        };
        if (type is not null)
        {
            registry.FrameworkTypes[fullName] = type;
        }

        return type;
    }

    private static CType Guid(string prefix, DeclarationRegistry registry)
    {
        var guid = new CStruct(prefix + "guid", "System.Guid", isUnion: false)
        {
            LayoutKind = CLayoutKind.Sequential,
            Documentation = "System.Guid: Windows' GUID layout.",
            ClrFullName = "System.Guid",
        };
        guid.Fields.Add(new CField("data1", "System.Guid._a", CPrimitives.UInt32) { ClrName = "_a" });
        guid.Fields.Add(new CField("data2", "System.Guid._b", CPrimitives.UInt16) { ClrName = "_b" });
        guid.Fields.Add(new CField("data3", "System.Guid._c", CPrimitives.UInt16) { ClrName = "_c" });
        guid.Fields.Add(new CField("data4", "System.Guid._d", new CArray(CPrimitives.UInt8, 8)) { ClrName = "_d" });
        registry.Order.Add(guid);
        return new CNamedType(guid);
    }
}

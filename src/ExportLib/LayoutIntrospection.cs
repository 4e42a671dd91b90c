using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using ExportLib.Abi;
using HeaderGen;

namespace ExportLib;

/// <summary>Size, alignment and field count of a C type, as the library's runtime lays it out.</summary>
[CName("el_type_layout")]
[StructLayout(LayoutKind.Sequential)]
public struct TypeLayout
{
    public uint size;
    public uint align;
    public uint field_count;
}

/// <summary>One exported struct or union as the C# runtime itself lays it out.</summary>
internal sealed record RuntimeLayout(string CName, uint Size, uint Align, IReadOnlyDictionary<string, uint> FieldOffsets);

/// <summary>
/// Every struct and union of the header, measured by the runtime: sizes from <see cref="Unsafe.SizeOf{T}"/>,
/// alignment from where the runtime places the type after a single byte, field offsets from
/// <see cref="Unsafe.ByteOffset{T}(ref readonly T, ref readonly T)"/> between an instance and its field. The list of
/// structs and fields is generated from the source (ExportLib.Generators); no number is written by hand, so a C
/// compiler that disagrees is caught by the tests.
/// </summary>
internal static class TypeLayouts
{
    private static readonly Dictionary<string, RuntimeLayout> s_byName = GeneratedLayouts.All().ToDictionary(l => l.CName, StringComparer.Ordinal);

    public static int Count => s_byName.Count;

    public static IEnumerable<RuntimeLayout> All => s_byName.Values;

    public static RuntimeLayout? Find(string cName) => s_byName.GetValueOrDefault(cName);

    public static RuntimeLayout Of<T>(string cName, Dictionary<string, uint> offsets)
        where T : unmanaged
        => new(cName, (uint)Unsafe.SizeOf<T>(), AlignOf<T>(), offsets);

    public static uint Offset<TStruct, TField>(ref TStruct instance, ref TField field)
        => (uint)Unsafe.ByteOffset(ref Unsafe.As<TStruct, byte>(ref instance), ref Unsafe.As<TField, byte>(ref field));

    private static uint AlignOf<T>() where T : unmanaged
    {
        var probe = default(AlignProbe<T>);
        return Offset(ref probe, ref probe.Value);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct AlignProbe<T> where T : unmanaged
    {
        public byte Pad;
        public T Value;
    }
}

/// <summary>Contract section 4: layout introspection.</summary>
public static unsafe class LayoutIntrospectionExports
{
    /// <summary>Size, alignment and field count of a struct or union of the header, by its C name.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_abi_type_layout))]
    public static Status el_abi_type_layout([CType("const char*")] byte* c_type_name, TypeLayout* @out)
    {
        try
        {
            if (c_type_name == null)
            {
                return Guard.Null(nameof(c_type_name));
            }

            if (@out == null)
            {
                return Guard.Null("out");
            }

            string name = Utf8Text.Decode(c_type_name);
            if (TypeLayouts.Find(name) is not { } layout)
            {
                return Guard.Fail(Status.ErrInvalidArgument, $"'{name}' is not a struct or union of this library");
            }

            *@out = new TypeLayout { size = layout.Size, align = layout.Align, field_count = (uint)layout.FieldOffsets.Count };
            return Status.Ok;
        }
        catch (Exception e)
        {
            return Guard.Internal(e);
        }
    }

    /// <summary>The offset of a field of a struct or union of the header, by C names.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_abi_field_offset))]
    public static Status el_abi_field_offset([CType("const char*")] byte* c_type_name, [CType("const char*")] byte* c_field_name, uint* @out)
    {
        try
        {
            if (c_type_name == null)
            {
                return Guard.Null(nameof(c_type_name));
            }

            if (c_field_name == null)
            {
                return Guard.Null(nameof(c_field_name));
            }

            if (@out == null)
            {
                return Guard.Null("out");
            }

            string typeName = Utf8Text.Decode(c_type_name);
            string fieldName = Utf8Text.Decode(c_field_name);
            if (TypeLayouts.Find(typeName) is not { } layout)
            {
                return Guard.Fail(Status.ErrInvalidArgument, $"'{typeName}' is not a struct or union of this library");
            }

            if (!layout.FieldOffsets.TryGetValue(fieldName, out uint offset))
            {
                return Guard.Fail(Status.ErrInvalidArgument, $"'{typeName}' has no field '{fieldName}'");
            }

            *@out = offset;
            return Status.Ok;
        }
        catch (Exception e)
        {
            return Guard.Internal(e);
        }
    }
}

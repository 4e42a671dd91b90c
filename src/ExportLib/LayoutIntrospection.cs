using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Reflection;
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
/// alignment from where the runtime places the type after a single byte, and field offsets from where a value
/// written through reflection lands in the instance's memory (<see cref="FieldPlacement"/>). Nothing here is a number
/// written by hand, so a C compiler that disagrees is caught by the tests.
/// </summary>
internal static class TypeLayouts
{
    private static readonly FrozenDictionary<string, RuntimeLayout> s_byName = new[]
    {
        Measure<Rgba>(),
        Measure<Example>(),
        Measure<Point>(),
        Measure<TypeLayout>(),
        Measure<FooBar>(),
        Measure<FooBaz>(),
        Measure<FooData>(),
        Measure<Foo>(),
        Measure<Event>(),
    }.ToFrozenDictionary(l => l.CName, StringComparer.Ordinal);

    public static int Count => s_byName.Count;

    public static IEnumerable<RuntimeLayout> All => s_byName.Values;

    public static RuntimeLayout? Find(string cName) => s_byName.GetValueOrDefault(cName);

    internal static RuntimeLayout Measure<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields)] T>()
        where T : unmanaged
    {
        var type = typeof(T);
        string name = type.GetCustomAttribute<CNameAttribute>()?.Name
            ?? throw new InvalidOperationException($"{type} has no [CName]");
        var offsets = new Dictionary<string, uint>(StringComparer.Ordinal);
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            string fieldName = field.GetCustomAttribute<CNameAttribute>()?.Name ?? field.Name;
            offsets.Add(fieldName, (uint)FieldPlacement.OffsetOf(field, static () => default(T), Unsafe.SizeOf<T>()));
        }

        return new RuntimeLayout(name, (uint)Unsafe.SizeOf<T>(), AlignOf<T>(), offsets);
    }

    private static uint AlignOf<T>() where T : unmanaged
    {
        var probe = default(AlignProbe<T>);
        return (uint)Unsafe.ByteOffset(ref Unsafe.As<AlignProbe<T>, byte>(ref probe), ref Unsafe.As<T, byte>(ref probe.Value));
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct AlignProbe<T> where T : unmanaged
    {
        public byte Pad;
        public T Value;
    }
}

/// <summary>
/// Where the runtime really puts a field. Marshal.OffsetOf answers with the marshalling layout (a bool as a 4-byte
/// BOOL, a char as one byte) even under DisableRuntimeMarshalling, so it cannot be asked. Instead a value whose first
/// byte is non-zero is written into the field of a zeroed instance, and the first non-zero byte of the instance is the
/// field's offset (little-endian targets, which are all HeaderGen's layouts serve).
/// </summary>
internal static unsafe class FieldPlacement
{
    // Nested struct types are reached through FieldType, which the trimming analysis cannot follow; every struct
    // the header has is registered in TypeLayouts with its fields kept, and a type whose fields were trimmed makes
    // Marker throw, which the layout tests report.
    private const string Justification = "Nested structs are registered in TypeLayouts themselves; a trimmed one fails loudly.";

    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = Justification)]
    public static int OffsetOf(FieldInfo field, Func<object> newZeroInstance, int instanceSize)
    {
        object instance = newZeroInstance();
        field.SetValue(instance, Marker(field, newZeroInstance()));
        var bytes = MemoryMarshal.CreateReadOnlySpan(ref RawData(instance), instanceSize);
        int offset = bytes.IndexOfAnyExcept((byte)0);
        return offset >= 0 ? offset : throw new InvalidOperationException($"{field.DeclaringType}.{field.Name}: the marker did not land");
    }

    // A boxed value's data starts where a StrongBox<byte>'s field does: right after the object's type pointer.
    private static ref byte RawData(object boxed) => ref Unsafe.As<StrongBox<byte>>(boxed).Value;

    /// <summary>A value for the field whose first byte in memory is non-zero; zeroOwner is a zeroed box of its declaring type.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = Justification)]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = Justification)]
    private static object Marker(FieldInfo field, object zeroOwner)
    {
        var type = field.FieldType;
        if (type.IsEnum)
        {
            return Enum.ToObject(type, 1);
        }

        if (type.IsPointer)
        {
            return Pointer.Box((void*)1, type);
        }

        if (type == typeof(bool)) return true;
        if (type == typeof(char)) return (char)1;
        if (type == typeof(sbyte)) return (sbyte)1;
        if (type == typeof(byte)) return (byte)1;
        if (type == typeof(short)) return (short)1;
        if (type == typeof(ushort)) return (ushort)1;
        if (type == typeof(int)) return 1;
        if (type == typeof(uint)) return 1u;
        if (type == typeof(long)) return 1L;
        if (type == typeof(ulong)) return 1ul;
        if (type == typeof(nint)) return (nint)1;
        if (type == typeof(nuint)) return (nuint)1;
        if (type == typeof(float)) return BitConverter.Int32BitsToSingle(1);
        if (type == typeof(double)) return BitConverter.Int64BitsToDouble(1);

        if (type.IsValueType)
        {
            // A struct: mark whichever of its fields sits at its offset 0. Reading the field out of a zeroed owner
            // boxes a zeroed copy of it.
            foreach (var inner in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                object candidate = field.GetValue(zeroOwner)!;
                inner.SetValue(candidate, Marker(inner, field.GetValue(zeroOwner)!));
                if (RawData(candidate) != 0)
                {
                    return candidate;
                }
            }
        }

        throw new NotSupportedException($"cannot place a marker in a field of type {type}");
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

using System;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using ExportLib.Abi;
using HeaderGen;

namespace ExportLib;

/// <summary>Which variant an el_foo holds.</summary>
[CName("el_foo_tag")]
[CEnumPrefix("EL_FOO_")]
public enum FooTag : int
{
    Bar = 0,
    Baz = 1,
}

/// <summary>The data of Foo::Bar(i32).</summary>
[CName("el_foo_bar")]
[StructLayout(LayoutKind.Sequential)]
public struct FooBar
{
    public int value;
}

/// <summary>The data of Foo::Baz { a: bool, b: f64 }.</summary>
[CName("el_foo_baz")]
[StructLayout(LayoutKind.Sequential)]
public struct FooBaz
{
    public bool a;
    public double b;
}

/// <summary>The variants' data, overlapping.</summary>
[CName("el_foo_data")]
[StructLayout(LayoutKind.Explicit)]
public struct FooData
{
    [FieldOffset(0)] public FooBar bar;
    [FieldOffset(0)] public FooBaz baz;
}

/// <summary>The C shape of Rust's #[repr(C)] enum Foo { Bar(i32), Baz { a: bool, b: f64 } }: a tag and a union.</summary>
[CName("el_foo")]
[StructLayout(LayoutKind.Sequential)]
public struct Foo
{
    public FooTag tag;
    public FooData data;

    public static Foo NewBar(int value) => new() { tag = FooTag.Bar, data = new FooData { bar = new FooBar { value = value } } };

    public static Foo NewBaz(bool a, double b) => new() { tag = FooTag.Baz, data = new FooData { baz = new FooBaz { a = a, b = b } } };

    /// <summary>"Bar(42)" or "Baz { a: true, b: 1.5 }"; null for an unknown tag.</summary>
    public readonly string? Describe() => tag switch
    {
        FooTag.Bar => $"Bar({data.bar.value.ToString(CultureInfo.InvariantCulture)})",
        FooTag.Baz => $"Baz {{ a: {(data.baz.a ? "true" : "false")}, b: {data.baz.b.ToString("R", CultureInfo.InvariantCulture)} }}",
        _ => null,
    };
}

/// <summary>Contract section 6: a tagged union.</summary>
public static unsafe class TaggedUnionExports
{
    /// <summary>An el_foo holding Bar(value).</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_foo_bar_new))]
    public static Foo el_foo_bar_new(int value)
    {
        try
        {
            return Foo.NewBar(value);
        }
        catch (Exception e)
        {
            return Guard.Internal(e, default(Foo));
        }
    }

    /// <summary>An el_foo holding Baz { a, b }.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_foo_baz_new))]
    public static Foo el_foo_baz_new(bool a, double b)
    {
        try
        {
            return Foo.NewBaz(a, b);
        }
        catch (Exception e)
        {
            return Guard.Internal(e, default(Foo));
        }
    }

    /// <summary>"Bar(42)" or "Baz { a: true, b: 1.5 }" (b in its shortest round-trip form); an unknown tag is invalid.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_foo_describe))]
    public static Status el_foo_describe([Const] Foo* f, [CType("char*")] byte* buf, [CType("size_t")] nuint len, [CType("size_t*")] nuint* required)
    {
        try
        {
            if (f == null)
            {
                return Guard.Null(nameof(f));
            }

            if (f->Describe() is not { } text)
            {
                return Guard.Fail(Status.ErrInvalidArgument, $"{(int)f->tag} is not an el_foo_tag");
            }

            return CallerBuffer.Write<byte>(Encoding.UTF8.GetBytes(text), buf, len, required);
        }
        catch (Exception e)
        {
            return Guard.Internal(e);
        }
    }
}

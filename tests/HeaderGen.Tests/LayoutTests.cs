using System.Linq;
using HeaderGen.Model;
using HeaderGen.Reading;
using NUnit.Framework;

namespace HeaderGen.Tests;

/// <summary>HeaderGen's computed layouts against the runtime's, for the layouts C# can declare.</summary>
public class LayoutTests
{
    private const string Structs = """
        public struct Padded { public bool a; public uint b; public byte c; public ulong d; public ushort e; }
        [StructLayout(LayoutKind.Sequential, Pack = 1)] public struct Pack1 { public byte a; public ulong b; public ushort c; }
        [StructLayout(LayoutKind.Sequential, Pack = 2)] public struct Pack2 { public byte a; public ulong b; public byte c; }
        [StructLayout(LayoutKind.Sequential, Pack = 4)] public struct Pack4 { public byte a; public double b; }
        [StructLayout(LayoutKind.Sequential, Pack = 8)] public struct Pack8 { public byte a; public double b; }
        [StructLayout(LayoutKind.Sequential, Size = 32)] public struct Sized { public int a; public byte b; }
        [StructLayout(LayoutKind.Explicit)] public struct Overlay { [FieldOffset(0)] public int i; [FieldOffset(0)] public double d; [FieldOffset(0)] public byte b; }
        [StructLayout(LayoutKind.Explicit)] public struct Gapped { [FieldOffset(0)] public byte a; [FieldOffset(8)] public long b; [FieldOffset(20)] public int c; }
        public struct Nested { public byte tag; public Padded inner; public Overlay u; }
        public unsafe struct Fixed { public byte n; public fixed int values[3]; public fixed ushort text[5]; }
        [InlineArray(4)] public struct Four { private float _e0; }
        public struct WithInline { public byte n; public Four v; }
        public unsafe struct WithPointers { public void* p; public byte b; public Padded* q; public nint n; public char c; }
        public static unsafe class Api
        {
            [UnmanagedCallersOnly(EntryPoint = "use")]
            public static void Use(Padded a, Pack1 b, Pack2 c, Pack4 d, Pack8 e, Sized f, Overlay g, Gapped h, Nested i, Fixed j, WithInline k, WithPointers l) { }
        }
        """;

    private static (CHeader Header, System.Reflection.Assembly Assembly) Sample()
    {
        string dll = Snippet.Compile(Structs);
        var diagnostics = new Diagnostics();
        var header = Pipeline.Build(dll, new ReaderOptions(), diagnostics);
        Assert.That(diagnostics.Errors, Is.Empty, string.Join("\n", diagnostics.Items));
        return (header!, Snippet.Load(dll));
    }

    [Test]
    public void EveryStructMatchesTheRuntime()
    {
        var (header, assembly) = Sample();
        var structs = header.Types.OfType<CStruct>().ToList();
        Assert.That(structs.Select(s => s.Origin), Is.EquivalentTo(new[] { "Padded", "Pack1", "Pack2", "Pack4", "Pack8", "Sized", "Overlay", "Gapped", "Nested", "Fixed", "WithInline", "WithPointers" }));
        foreach (var s in structs)
        {
            var type = assembly.GetType(s.Origin)!;
            Assert.That(s.Size, Is.EqualTo(RuntimeView.Size(type)), $"{s.Origin} size");
            Assert.That(s.Align, Is.EqualTo(RuntimeView.Align(type)), $"{s.Origin} alignment");
            foreach (var field in s.DeclaredFields)
            {
                Assert.That(field.Offset, Is.EqualTo(RuntimeView.Offset(type, field.Name)), $"{s.Origin}.{field.Name} offset");
            }
        }
    }

    [Test]
    public void PackingBecomesPragmaPackOnlyWhereItChangesSomething()
    {
        var (header, _) = Sample();
        var byName = header.Types.OfType<CStruct>().ToDictionary(s => s.Origin);
        Assert.That(byName["Pack1"].NeedsPragmaPack, Is.True);
        Assert.That(byName["Pack2"].NeedsPragmaPack, Is.True);
        Assert.That(byName["Pack4"].NeedsPragmaPack, Is.True);
        Assert.That(byName["Pack8"].NeedsPragmaPack, Is.False);
        Assert.That(byName["Padded"].NeedsPragmaPack, Is.False);
    }

    [Test]
    public void ExplicitLayoutsBecomeUnionsOrPaddedStructs()
    {
        var (header, _) = Sample();
        var byName = header.Types.OfType<CStruct>().ToDictionary(s => s.Origin);
        Assert.That(byName["Overlay"].IsUnion, Is.True);
        var gapped = byName["Gapped"];
        Assert.That(gapped.IsUnion, Is.False);
        // b at 8 is where C puts it anyway; only the gap before c at 20 needs explicit padding.
        Assert.That(gapped.Fields.Count(f => f.IsPadding), Is.EqualTo(1));
        Assert.That(byName["Sized"].Fields.Last().IsPadding, Is.True);
        Assert.That(byName["Sized"].Size, Is.EqualTo(32));
    }

    [Test]
    public void FixedBuffersAndInlineArraysAreCArrays()
    {
        string text = Snippet.Header(Structs);
        Assert.That(text, Does.Contain("int32_t values[3];"));
        Assert.That(text, Does.Contain("uint16_t text[5];"));
        Assert.That(text, Does.Contain("float v[4];"));
    }

    [Test]
    public void TheHeaderAssertsEveryLayoutNumber()
    {
        string text = Snippet.Header(Structs);
        Assert.That(text, Does.Contain("ASSERT_SIZE(padded, 32)"));
        Assert.That(text, Does.Contain("ASSERT_ALIGN(padded, 8)"));
        Assert.That(text, Does.Contain("ASSERT_OFFSET(padded, d, 16)"));
        Assert.That(text, Does.Contain("ASSERT_SIZE(pack1, 11)"));
        Assert.That(text, Does.Contain("#pragma pack(push, 1)"));
    }
}

using System.IO;
using System.Linq;
using HeaderGen.Reading;
using HeaderGen.Tests.Clang;
using NUnit.Framework;

namespace HeaderGen.Tests;

/// <summary>
/// C# written without HeaderGen in mind (no annotation at all, no DisableRuntimeMarshalling) gets a complete header
/// with default options: unnamed function pointers, callbacks handed out as &amp;Method, [InlineArray] by value,
/// record structs, char* and bool* parameters.
/// </summary>
public class OrdinaryCSharpTests
{
    private const string Library = """
        namespace Plain;
        public readonly record struct Size(int Width, int Height);
        public struct Sample { public double Value; public delegate* unmanaged<double, double> Transform; }
        [InlineArray(4)] public struct Quad { private float _element0; }
        public enum Unit { Meters, Feet }
        public static unsafe class Api
        {
            [UnmanagedCallersOnly(EntryPoint = "plain_area")]
            public static long Area(Size size) => (long)size.Width * size.Height;

            [UnmanagedCallersOnly(EntryPoint = "plain_walk")]
            public static int Walk(Sample* samples, nuint count, delegate* unmanaged<void*, Sample*, int> visit, void* user) => 0;

            [UnmanagedCallersOnly(EntryPoint = "plain_picker")]
            public static delegate* unmanaged<int, int> Picker(Unit unit) => &Twice;

            // Handed to C as &Twice: not exported, so not declared, and no annotation needed.
            [UnmanagedCallersOnly]
            public static int Twice(int x) => 2 * x;

            [UnmanagedCallersOnly(EntryPoint = "plain_sum")]
            public static float Sum(Quad quad) => quad[0] + quad[1] + quad[2] + quad[3];

            [UnmanagedCallersOnly(EntryPoint = "plain_scale")]
            public static Quad Scale(Quad* quad, float k) => *quad;

            [UnmanagedCallersOnly(EntryPoint = "plain_name")]
            public static int Name(char* utf16, byte* utf8, bool* found) => 0;
        }
        """;

    private static (string Header, string Dll) Generate()
    {
        string dll = Snippet.Compile(Library, name: "Plain", disableRuntimeMarshalling: false);
        var diagnostics = new Diagnostics();
        string? text = Pipeline.Generate(dll, new ReaderOptions { Guard = "PLAIN_H" }, diagnostics);
        Assert.That(diagnostics.Errors, Is.Empty, "ordinary C# needs no annotation");
        string header = Path.Combine(Path.GetDirectoryName(dll)!, "plain.h");
        File.WriteAllText(header, text);
        return (text!, header);
    }

    [Test]
    public void EveryExportIsDeclaredAndOnlyThose()
    {
        var (text, _) = Generate();
        foreach (string name in new[] { "plain_area", "plain_walk", "plain_picker", "plain_sum", "plain_scale", "plain_name" })
        {
            Assert.That(text, Does.Contain($" {name}("), name);
        }

        Assert.That(text, Does.Not.Contain("Twice"));
    }

    [Test]
    public void UnnamedFunctionPointersAreNamedAfterTheirUse()
    {
        var (text, _) = Generate();
        Assert.That(text, Does.Contain("typedef int32_t (PLAIN_CALL *plain_walk_visit_fn)(void* arg0, sample* arg1);"));
        Assert.That(text, Does.Contain("typedef double (PLAIN_CALL *sample_Transform_fn)(double arg0);"));
        Assert.That(text, Does.Contain("typedef int32_t (PLAIN_CALL *plain_picker_result_fn)(int32_t arg0);"));
        Assert.That(text, Does.Contain("PLAIN_API plain_picker_result_fn PLAIN_CALL plain_picker(unit unit_);"));
        Assert.That(text, Does.Contain("sample_Transform_fn Transform;"));
    }

    [Test]
    public void RecordStructFieldsAreNamedAfterTheirProperties()
    {
        var (text, _) = Generate();
        Assert.That(text, Does.Contain("struct size {\n    int32_t Width;\n    int32_t Height;\n};"));
        Assert.That(text, Does.Not.Contain("k__BackingField"));
    }

    [Test]
    public void AnInlineArrayByValueIsAStructAroundTheArray()
    {
        var (text, _) = Generate();
        Assert.That(text, Does.Contain("struct quad {\n    float _element0[4];\n};"));
        Assert.That(text, Does.Contain("PLAIN_ASSERT_SIZE(quad, 16)"));
        Assert.That(text, Does.Contain("PLAIN_API float PLAIN_CALL plain_sum(quad quad_);"));
        Assert.That(text, Does.Contain("PLAIN_API quad PLAIN_CALL plain_scale(quad* quad_, float k);"));
    }

    [Test]
    public void PointersToCharAndBoolNeedNoDisableRuntimeMarshalling()
    {
        var (text, _) = Generate();
        Assert.That(text, Does.Contain("PLAIN_API int32_t PLAIN_CALL plain_name(uint16_t* utf16, uint8_t* utf8, bool* found);"));
    }

    [Test]
    public void BoolByValueStillNeedsDisableRuntimeMarshalling()
    {
        var diagnostics = Snippet.Errors("public static class Api { [UnmanagedCallersOnly(EntryPoint = \"f\")] public static void F(bool on) { } }", disableRuntimeMarshalling: false);
        Assert.That(diagnostics.Errors.Single().Id, Is.EqualTo(DiagnosticIds.MarshalledPrimitive.Id));
    }

    [TestCase("c", "c99")]
    [TestCase("c", "c11")]
    [TestCase("c++", "c++11")]
    [TestCase("c++", "c++17")]
    public void TheHeaderCompilesAndEveryLayoutMatchesTheRuntime(string language, string standard)
    {
        var (_, header) = Generate();
        Assert.That(Compilers.SyntaxErrors(language == "c" ? "gcc" : "g++", language, standard, header), Is.Empty);
        var problems = LayoutCrossCheck.Run(header, Path.Combine(Path.GetDirectoryName(header)!, "Plain.dll"), language, standard);
        Assert.That(problems, Is.Empty);
    }
}

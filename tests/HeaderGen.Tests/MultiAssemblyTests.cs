using System;
using System.IO;
using System.Linq;
using HeaderGen.Reading;
using NUnit.Framework;

namespace HeaderGen.Tests;

/// <summary>
/// Exports spread over several assemblies (Native AOT exports those named by UnmanagedEntryPointsAssembly too), and
/// types defined in referenced assemblies, read from their metadata.
/// </summary>
public class MultiAssemblyTests
{
    private const string Shared = """
        namespace Shared;
        public struct Point { public int X; public int Y; }
        public enum Shape { Dot, Line }
        """;

    private const string First = """
        [assembly: CPrefix("ma_")]
        public static unsafe class FirstApi
        {
            [UnmanagedCallersOnly(EntryPoint = "ma_first")] public static int First(Shared.Point p, Shared.Shape s) => p.X;
            [UnmanagedCallersOnly(EntryPoint = "ma_id")] public static void Id(System.Guid* id) { }
        }
        """;

    private const string Second = """
        public static unsafe class SecondApi
        {
            [UnmanagedCallersOnly(EntryPoint = "ma_second")] public static int Second(Shared.Point* p) => 0;
        }
        """;

    private static (string First, string Second, string Shared, string Folder) Build(string second = Second)
    {
        string folder = Path.Combine(Path.GetTempPath(), "headergen-tests", Guid.NewGuid().ToString("N"));
        string shared = Snippet.CompileInto(folder, Shared, "SharedTypes", true, false, Array.Empty<string>());
        string first = Snippet.CompileInto(folder, First, "FirstLib", true, false, new[] { shared });
        string secondDll = Snippet.CompileInto(folder, second, "SecondLib", true, false, new[] { shared });
        return (first, secondDll, shared, folder);
    }

    [Test]
    public void TwoAssembliesMakeOneHeaderWithSharedTypesDeclaredOnce()
    {
        var (first, second, _, _) = Build();
        var diagnostics = new Diagnostics();
        var header = Pipeline.Build(new[] { first, second }, new ReaderOptions { Guard = "MA_H" }, diagnostics);
        Assert.That(diagnostics.Errors, Is.Empty, string.Join("\n", diagnostics.Items));
        Assert.That(header!.Functions.Select(f => f.Name), Is.EqualTo(new[] { "ma_id", "ma_first", "ma_second" }), "grouped by ma_guid, then ma_point");
        Assert.That(header.Types.Count(t => t.Name == "ma_point"), Is.EqualTo(1), "the struct from SharedTypes is declared once");
        Assert.That(header.Types.Select(t => t.Name), Does.Contain("ma_shape").And.Contain("ma_guid"));
        string text = Emit.CHeaderWriter.Write(header);
        Assert.That(text, Does.Contain("struct ma_guid {\n    uint32_t data1;\n    uint16_t data2;\n    uint16_t data3;\n    uint8_t data4[8];\n};"));
        Assert.That(text, Does.Contain("MA_ASSERT_SIZE(ma_guid, 16)"));
    }

    [Test]
    public void TheHeaderCompilesAndItsLayoutsMatchTheRuntime()
    {
        var (first, second, _, folder) = Build();
        var diagnostics = new Diagnostics();
        string text = Pipeline.Generate(new[] { first, second }, new ReaderOptions { Guard = "MA_H" }, diagnostics)!;
        string path = Path.Combine(folder, "ma.h");
        File.WriteAllText(path, text);
        Assert.That(Compilers.SyntaxErrors("gcc", "c", "c11", path), Is.Empty);
        Assert.That(Compilers.SyntaxErrors("g++", "c++", "c++17", path), Is.Empty);
        Assert.That(Clang.LayoutCrossCheck.Run(path, new[] { first, second }), Is.Empty);
    }

    [Test]
    public void AReferencedAssemblyIsFoundThroughReferencePaths()
    {
        var (first, _, shared, _) = Build();
        string elsewhere = Path.Combine(Path.GetTempPath(), "headergen-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(elsewhere);
        string moved = Path.Combine(elsewhere, "FirstLib.dll");
        File.Copy(first, moved);

        var alone = new Diagnostics();
        Assert.That(Pipeline.Build(new[] { moved }, new ReaderOptions(), alone), Is.Null);
        Assert.That(alone.Errors.Select(e => e.Id), Has.All.EqualTo(DiagnosticIds.TypeFromUnreadAssembly.Id));
        Assert.That(alone.Errors.First().Location, Is.EqualTo("FirstApi.First (parameter 'p')"));

        var referenced = new Diagnostics();
        Assert.That(Pipeline.Build(new[] { moved }, new ReaderOptions { References = new[] { shared } }, referenced), Is.Not.Null, string.Join("\n", referenced.Items));
        var byFolder = new Diagnostics();
        Assert.That(Pipeline.Build(new[] { moved }, new ReaderOptions { References = new[] { Path.GetDirectoryName(shared)! } }, byFolder), Is.Not.Null);
    }

    [Test]
    public void AFindingAboutAReachedTypeNamesTheExport()
    {
        var diagnostics = Snippet.Errors("public struct Inner { public string Name; } public struct Outer { public Inner I; } public static unsafe class Api { [UnmanagedCallersOnly(EntryPoint = \"f\")] public static void F(Outer* o) { } }");
        Assert.That(diagnostics.Errors.Select(e => e.Location), Has.Some.EqualTo("Inner.Name (reached from f)"));
    }

    [Test]
    public void AnEntryPointExportedByTwoAssembliesIsAnError()
    {
        var (first, second, _, _) = Build(Second.Replace("ma_second", "ma_first"));
        var diagnostics = new Diagnostics();
        Assert.That(Pipeline.Build(new[] { first, second }, new ReaderOptions(), diagnostics), Is.Null);
        Assert.That(diagnostics.Errors.Single().Id, Is.EqualTo(DiagnosticIds.DuplicateEntryPoint.Id));
        Assert.That(diagnostics.Errors.Single().Message, Does.Contain("FirstLib"));
    }
}

using System;
using System.IO;
using System.Linq;
using System.Text;
using HeaderGen.Reading;
using HeaderGen.Tests.Clang;
using NUnit.Framework;

namespace HeaderGen.Tests;

/// <summary>
/// The "every construct" assembly (tests/HeaderGen.TestAssembly) against its golden header, and the layout
/// cross-check (libclang vs the .NET runtime) on that header and on include/exportlib.h.
/// Regenerate the golden header with: cmake --build build --target update-golden
/// </summary>
public class GoldenTests
{
    private static readonly string RepositoryRoot = Repository.Root;
    private static readonly string Golden = Path.Combine(RepositoryRoot, "tests", "HeaderGen.Tests", "golden", "testassembly.h");
    private static readonly string TestAssembly = Path.Combine(AppContext.BaseDirectory, "HeaderGen.TestAssembly.dll");
    private static readonly string ExportLibAssembly = Path.Combine(AppContext.BaseDirectory, "ExportLib.dll");

    private static readonly ReaderOptions GoldenOptions = new() { Guard = "TESTASSEMBLY_H", ExtraIncludes = new[] { "<stdio.h>" } };

    [Test]
    public void TheGoldenHeaderIsWhatHeaderGenWrites()
    {
        var diagnostics = new Diagnostics();
        string generated = Pipeline.Generate(TestAssembly, GoldenOptions, diagnostics)!;
        Assert.That(diagnostics.Errors, Is.Empty);
        Assert.That(diagnostics.Warnings.Select(w => w.Id), Is.EqualTo(Enumerable.Repeat(DiagnosticIds.RenamedLocal.Id, 7)), "the keyword and type-name renames warn");
        Assert.That(generated, Is.EqualTo(File.ReadAllText(Golden, Encoding.UTF8)),
            "golden/testassembly.h is stale: run `cmake --build build --target update-golden` and review the diff");
    }

    [Test]
    public void TheMsBuildTargetsWroteTheSameHeader()
    {
        string written = Path.Combine(RepositoryRoot, "tests", "HeaderGen.TestAssembly", "bin", "generated", "testassembly.h");
        Assert.That(File.Exists(written), Is.True, "HeaderGen.targets did not write the header on build");
        Assert.That(File.ReadAllBytes(written), Is.EqualTo(File.ReadAllBytes(Golden)));
    }

    [TestCase("c", "c99")]
    [TestCase("c", "c11")]
    [TestCase("c++", "c++11")]
    [TestCase("c++", "c++17")]
    public void GoldenLayoutsAgreeWithTheRuntime(string language, string standard)
    {
        var problems = LayoutCrossCheck.Run(Golden, TestAssembly, language, standard);
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }

    [TestCase("c", "c11")]
    [TestCase("c++", "c++17")]
    public void ExportLibHeaderAgreesWithTheRuntime(string language, string standard)
    {
        var problems = LayoutCrossCheck.Run(Path.Combine(RepositoryRoot, "include", "exportlib.h"), ExportLibAssembly, language, standard);
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }

    [Test]
    public void TheCrossCheckCountsEveryStructAndFunction()
    {
        var clang = ClangView.Parse(Golden);
        Assert.That(clang.Records.Keys, Does.Contain("ts_primitives").And.Contain("ts_number").And.Contain("ts_shape"));
        Assert.That(clang.Records["ts_number"].IsUnion, Is.True);
        Assert.That(clang.Functions, Has.Count.EqualTo(21));
        Assert.That(clang.Records["ts_packed1"].Size, Is.EqualTo(11));
    }

    [Test]
    public void AMovedFieldIsCaught()
    {
        string text = File.ReadAllText(Golden);
        const string original = "struct ts_primitives {\n    bool b;\n    int8_t i8;\n    uint8_t u8;\n    int16_t i16;\n    uint16_t u16;\n    int32_t i32;\n";
        const string moved = "struct ts_primitives {\n    int8_t i8;\n    uint8_t u8;\n    int16_t i16;\n    uint16_t u16;\n    int32_t i32;\n    bool b;\n";
        Assert.That(text, Does.Contain(original));
        string mutated = text.Replace(original, moved);
        string directory = Path.Combine(Path.GetTempPath(), "headergen-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);

        // With its static assertions, the compiler itself rejects the moved field.
        string withAssertions = Path.Combine(directory, "with-assertions.h");
        File.WriteAllText(withAssertions, mutated);
        var problems = LayoutCrossCheck.Run(withAssertions, TestAssembly);
        Assert.That(problems, Has.Some.Contains("ts_primitives.b: offset differs from .NET"));

        // Without them, the cross-check still finds it, by comparing libclang's offsets with the runtime's.
        string withoutAssertions = Path.Combine(directory, "without-assertions.h");
        File.WriteAllText(withoutAssertions, string.Join("\n", mutated.Split('\n').Where(l => !l.StartsWith("TS_ASSERT_", StringComparison.Ordinal))));
        problems = LayoutCrossCheck.Run(withoutAssertions, TestAssembly);
        Assert.That(problems, Has.Some.StartsWith("ts_primitives.b: offset: clang says 12, the .NET runtime says 0"));
        Assert.That(problems.Any(p => p.StartsWith("clang:")), Is.False);
    }
}

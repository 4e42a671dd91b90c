using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using HeaderGen.Reading;
using NUnit.Framework;

namespace HeaderGen.Tests;

/// <summary>
/// One small C# file per construct in cases/ (the style of cbindgen's tests/rust): each is compiled, HeaderGen writes
/// its header, and the header must equal cases/NAME.h and the findings cases/NAME.diagnostics, byte for byte; every
/// expected header compiles as C and C++ and its layouts match the runtime's. `cmake --build build --target
/// update-expectations` rewrites the expected files (HEADERGEN_UPDATE_EXPECTATIONS=1) for review as a diff.
/// </summary>
public class CaseTests
{
    private static readonly string Cases = Path.Combine(Repository.Root, "tests", "HeaderGen.Tests", "cases");

    private static bool Updating => Environment.GetEnvironmentVariable("HEADERGEN_UPDATE_EXPECTATIONS") == "1";

    public static IEnumerable<string> Names()
        => Directory.EnumerateFiles(Cases, "*.cs").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    private static (string Dll, string Header, string Diagnostics) Generate(string name)
    {
        string source = File.ReadAllText(Path.Combine(Cases, name + ".cs"));
        bool marshalling = !source.StartsWith("// no-DisableRuntimeMarshalling", StringComparison.Ordinal);
        string dll = Snippet.Compile(source, name: NamingRules(name), disableRuntimeMarshalling: marshalling, documentation: true);
        var diagnostics = new Diagnostics();
        string? header = Pipeline.Generate(dll, new ReaderOptions { Guard = name.ToUpperInvariant() + "_H" }, diagnostics);
        Assert.That(header, Is.Not.Null, string.Join("\n", diagnostics.Items));
        string findings = string.Concat(diagnostics.Items.Select(d => d + "\n"));
        return (dll, header!, findings);
    }

    private static string NamingRules(string name) => string.Concat(name.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    [TestCaseSource(nameof(Names))]
    public void TheHeaderIsTheExpectedOne(string name)
    {
        var (_, header, findings) = Generate(name);
        string expectedHeader = Path.Combine(Cases, name + ".h");
        string expectedFindings = Path.Combine(Cases, name + ".diagnostics");
        if (Updating)
        {
            File.WriteAllText(expectedHeader, header, new UTF8Encoding(false));
            if (findings.Length > 0)
            {
                File.WriteAllText(expectedFindings, findings, new UTF8Encoding(false));
            }
            else
            {
                File.Delete(expectedFindings);
            }
        }

        Assert.That(File.Exists(expectedHeader), $"cases/{name}.h is missing: run `cmake --build build --target update-expectations`");
        Assert.That(header, Is.EqualTo(File.ReadAllText(expectedHeader)), $"cases/{name}.h is stale: run `cmake --build build --target update-expectations` and review the diff");
        Assert.That(findings, Is.EqualTo(File.Exists(expectedFindings) ? File.ReadAllText(expectedFindings) : string.Empty), $"cases/{name}.diagnostics");
    }

    [TestCaseSource(nameof(Names))]
    public void TheExpectedHeaderCompilesAsCAndCpp(string name)
    {
        string header = Path.Combine(Cases, name + ".h");
        Assert.That(Compilers.SyntaxErrors("gcc", "c", "c99", header), Is.Empty);
        Assert.That(Compilers.SyntaxErrors("gcc", "c", "c11", header), Is.Empty);
        Assert.That(Compilers.SyntaxErrors("g++", "c++", "c++11", header), Is.Empty);
        Assert.That(Compilers.SyntaxErrors("clang++", "c++", "c++17", header), Is.Empty);
    }

    [TestCaseSource(nameof(Names))]
    public void EveryLayoutMatchesTheRuntime(string name)
    {
        var (dll, header, _) = Generate(name);
        string path = Path.Combine(Path.GetDirectoryName(dll)!, name + ".h");
        File.WriteAllText(path, header);
        Assert.That(Clang.LayoutCrossCheck.Run(path, dll), Is.Empty);
    }
}

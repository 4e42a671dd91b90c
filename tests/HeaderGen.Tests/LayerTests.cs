using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using HeaderGen.Emit;
using HeaderGen.Model.Bindings;
using HeaderGen.Passes;
using HeaderGen.Reading;
using NUnit.Framework;

namespace HeaderGen.Tests;

/// <summary>
/// The C++ and Python layers (--cpp, --python): the binding pass's rules on small snippets, and the "every construct"
/// assembly's layers against golden files (golden/testassembly.hpp, .py, .layers.diagnostics) that compile with g++
/// and clang++ and import in Python with every struct's ctypes layout checked. `cmake --build build --target
/// update-expectations` rewrites the golden layers (HEADERGEN_UPDATE_EXPECTATIONS=1) for review as a diff.
/// ExportLib's own layers are tested by programs in their languages (tests/layers).
/// </summary>
public class LayerTests
{
    private static readonly string GoldenDir = Path.Combine(Repository.Root, "tests", "HeaderGen.Tests", "golden");
    private static readonly string TestAssembly = Path.Combine(AppContext.BaseDirectory, "HeaderGen.TestAssembly.dll");

    private const string Api = """
        [assembly: CPrefix("zz_")]
        [CStatus, CEnumPrefix("ZZ_")] public enum Status { Ok = 0, Failed = 1, BufferTooSmall = 4 }
        [COpaque] public struct Thing;
        [COpaque] public struct Part;
        public unsafe delegate int VisitFn(void* userData, int x);
        public static unsafe class Api
        {
            [UnmanagedCallersOnly(EntryPoint = "zz_thing_new")] public static Thing* New(int size) => null;
            [UnmanagedCallersOnly(EntryPoint = "zz_thing_open")] public static Status Open([CType("const char*")] byte* path, Thing** @out) => 0;
            [UnmanagedCallersOnly(EntryPoint = "zz_thing_free")] public static void Free(Thing* t) { }
            [UnmanagedCallersOnly(EntryPoint = "zz_thing_size")] public static Status Size([Const] Thing* t, int* @out) => 0;
            [UnmanagedCallersOnly(EntryPoint = "zz_thing_name")] public static Status Name([Const] Thing* t, [CType("char*")] byte* buf, [CType("size_t")] nuint len, [CType("size_t*")] nuint* required) => 0;
            [UnmanagedCallersOnly(EntryPoint = "zz_thing_part")] public static Status PartOf(Thing* t, Part** @out) => 0;
            [UnmanagedCallersOnly(EntryPoint = "zz_part_free")] public static void FreePart(Part* p) { }
            [UnmanagedCallersOnly(EntryPoint = "zz_visit")] public static Status Visit([Const, CLength(nameof(n))] int* values, [CType("size_t")] nuint n, [CCallback(typeof(VisitFn)), CCallbackErrorResult(1)] delegate* unmanaged<void*, int, int> fn, void* userData) => 0;
            [UnmanagedCallersOnly(EntryPoint = "zz_last_error"), CLastErrorMessage] public static Status LastError([CType("char*")] byte* buf, [CType("size_t")] nuint len, [CType("size_t*")] nuint* required) => 0;
            [UnmanagedCallersOnly(EntryPoint = "zz_last_status"), CStatusIsValue] public static Status LastStatus() => 0;
            [UnmanagedCallersOnly(EntryPoint = "zz_raw")] public static void Raw(void* anything) { }
        }
        """;

    private static (BInterface Api, Diagnostics Diagnostics, Model.CHeader Header) Bind(string source)
    {
        var (header, diagnostics) = Snippet.Build(source);
        Assert.That(header, Is.Not.Null, string.Join("\n", diagnostics.Items));
        return (new BindingPass(diagnostics).Run(header!), diagnostics, header!);
    }

    [Test]
    public void HandlesBecomeClassesWithFactoriesAndMethods()
    {
        var (api, _, _) = Bind(Api);
        var thing = api.Handles.Single(h => h.Stem == "thing");
        Assert.That(thing.Free?.Name, Is.EqualTo("zz_thing_free"));
        Assert.That(thing.Factories.Select(f => f.Name), Is.EquivalentTo(new[] { "new", "open" }));
        Assert.That(thing.Methods.Select(f => f.Name), Is.EquivalentTo(new[] { "size", "name", "part" }));
        Assert.That(thing.Factories.Single(f => f.Name == "new").Makes, Is.SameAs(thing), "a NULL result throws");
        var part = thing.Methods.Single(m => m.Name == "part");
        Assert.That(part.Outputs.Single().Role, Is.EqualTo(BParamRole.HandleOut));
        Assert.That(part.Outputs.Single().Handle!.Stem, Is.EqualTo("part"));
    }

    [Test]
    public void ParametersTakeTheirRoles()
    {
        var (api, _, _) = Bind(Api);
        var thing = api.Handles.Single(h => h.Stem == "thing");
        BFunction Member(string name) => thing.Factories.Concat(thing.Methods).Single(f => f.Name == name);
        Assert.That(Member("open").Params.Select(p => p.Role), Is.EqualTo(new[] { BParamRole.Text, BParamRole.HandleOut }));
        Assert.That(Member("size").Params.Select(p => p.Role), Is.EqualTo(new[] { BParamRole.Self, BParamRole.Out }));
        Assert.That(Member("name").Params.Select(p => p.Role), Is.EqualTo(new[] { BParamRole.Self, BParamRole.BufferText8 }));
        Assert.That(Member("name").Params[1].Covers.Count, Is.EqualTo(3));
        var visit = api.Functions.Single(f => f.Name == "visit");
        Assert.That(visit.Params.Select(p => p.Role), Is.EqualTo(new[] { BParamRole.ArrayIn, BParamRole.Length, BParamRole.Callback }));
        Assert.That(visit.Params[2].ErrorResult, Is.EqualTo(1));
        Assert.That(visit.Throws, Is.True);
        Assert.That(api.Functions.Single(f => f.Name == "last_status").Throws, Is.False, "[CStatusIsValue]");
        Assert.That(api.LastErrorMessage?.Name, Is.EqualTo("zz_last_error"));
    }

    [Test]
    public void WhatNoRuleFitsIsLeftOutWithAWarning()
    {
        var (api, diagnostics, _) = Bind(Api);
        Assert.That(api.NotWrapped.Select(n => n.Function.Name), Is.EqualTo(new[] { "zz_raw" }));
        var warning = diagnostics.Warnings.Single(w => w.Id == DiagnosticIds.NotWrapped.Id);
        Assert.That(warning.Message, Does.Contain("zz_raw").And.Contain("'anything'"));
        Assert.That(PythonModuleWriter.Write(Snippet.Build(Api).Header!, api, "zz"), Does.Contain("#   zz_raw: "));
    }

    [Test]
    public void ACallbackWithoutUserDataIsNotWrapped()
    {
        var (api, diagnostics, _) = Bind("""
            [assembly: CPrefix("zz_")]
            public static unsafe class Api
            {
                [UnmanagedCallersOnly(EntryPoint = "zz_on")] public static void On(delegate* unmanaged<int, void> fn) { }
            }
            """);
        Assert.That(api.NotWrapped.Single().Reason, Does.Contain("user-data"));
        Assert.That(diagnostics.Warnings.Select(w => w.Id), Does.Contain(DiagnosticIds.NotWrapped.Id));
    }

    [Test]
    public void ABadLengthNameIsNotWrapped()
    {
        var (api, _, _) = Bind("""
            [assembly: CPrefix("zz_")]
            public static unsafe class Api
            {
                [UnmanagedCallersOnly(EntryPoint = "zz_sum")] public static int Sum([Const, CLength("count")] int* values, [CType("size_t")] nuint n) => 0;
            }
            """);
        Assert.That(api.NotWrapped.Single().Reason, Does.Contain("[CLength(\"count\")]"));
    }

    private static (string Cpp, string Python, string Findings) GoldenLayers()
    {
        var diagnostics = new Diagnostics();
        var header = Pipeline.Build(TestAssembly, new ReaderOptions { Guard = "TESTASSEMBLY_H", ExtraIncludes = new[] { "<stdio.h>" } }, diagnostics)!;
        int before = diagnostics.Items.Count;
        var api = new BindingPass(diagnostics).Run(header);
        string findings = string.Concat(diagnostics.Items.Skip(before).Select(d => d + "\n"));
        return (CppHeaderWriter.Write(header, api, "testassembly.h"), PythonModuleWriter.Write(header, api, "testassembly"), findings);
    }

    [Test]
    public void TheGoldenLayersAreWhatHeaderGenWrites()
    {
        var (cpp, python, findings) = GoldenLayers();
        var expected = new[] { ("testassembly.hpp", cpp), ("testassembly.py", python), ("testassembly.layers.diagnostics", findings) };
        foreach (var (file, text) in expected)
        {
            string path = Path.Combine(GoldenDir, file);
            if (Environment.GetEnvironmentVariable("HEADERGEN_UPDATE_EXPECTATIONS") == "1")
            {
                File.WriteAllText(path, text, new UTF8Encoding(false));
            }

            Assert.That(File.Exists(path), Is.True, $"golden/{file} is missing: run `cmake --build build --target update-expectations`");
            Assert.That(text, Is.EqualTo(File.ReadAllText(path, Encoding.UTF8)),
                $"golden/{file} is stale: run `cmake --build build --target update-expectations` and review the diff");
        }
    }

    [Test]
    public void TheRulesPageNamesEveryExportOfExportLib()
    {
        string page = File.ReadAllText(Path.Combine(Repository.Root, "docs", "bindings.md"));
        var exports = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(Path.Combine(Repository.Root, "include", "exportlib.h")), @"EL_API [^;(]*?\b(el_\w+)\(")
            .Select(m => m.Groups[1].Value).ToList();
        Assert.That(exports, Has.Count.GreaterThan(50));
        foreach (string export in exports)
        {
            string shortForm = "_" + string.Join("_", export.Split('_').Skip(2));
            Assert.That(page.Contains($"`{export}`") || page.Contains($"`{export}`,") || page.Contains($"`{shortForm}`"), Is.True,
                $"docs/bindings.md does not say what {export} becomes in the layers");
        }
    }

    [Test]
    public void TheGoldenLayersAreDeterministic()
    {
        var first = GoldenLayers();
        var second = GoldenLayers();
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void TheGoldenCppLayerCompilesCleanly([Values("g++", "clang++")] string compiler, [Values("c++17", "c++20")] string standard)
    {
        string errors = Compilers.SyntaxErrors(compiler, "c++", standard, Path.Combine(GoldenDir, "testassembly.hpp"));
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void TheGoldenPythonLayerImportsWithEveryLayoutChecked()
    {
        string? python = Compilers.Find("python3");
        if (python is null)
        {
            Assert.Ignore("python3 is not installed: the Python layer's import is checked where it is (CI installs it)");
        }

        var start = new ProcessStartInfo(python!) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = GoldenDir };
        foreach (string arg in new[] { "-B", "-c", "import testassembly as t; print(len(t._LAYOUTS))" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.EqualTo(0), errors);
        Assert.That(int.Parse(output.Trim()), Is.GreaterThan(10), "every struct of the assembly is checked");
    }
}

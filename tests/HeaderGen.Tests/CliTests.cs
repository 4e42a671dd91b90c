using System;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace HeaderGen.Tests;

/// <summary>The command line as a user runs it: exit codes, files written or not, --check, --symbols.</summary>
[NonParallelizable]
public class CliTests
{
    private const string Library = """
        [assembly: CPrefix("cl_")]
        public struct Pair { public int a; public long b; }
        public static class Api
        {
            [UnmanagedCallersOnly(EntryPoint = "cl_sum")] public static long Sum(Pair p) => p.a + p.b;
            [UnmanagedCallersOnly(EntryPoint = "cl_zero")] public static int Zero() => 0;
        }
        """;

    private static (int ExitCode, string Errors) Run(params string[] args)
    {
        var entry = typeof(Pipeline).Assembly.EntryPoint!;
        var previous = Console.Error;
        var errors = new StringWriter();
        Console.SetError(errors);
        try
        {
            int code = (int)entry.Invoke(null, new object[] { args })!;
            return (code, errors.ToString());
        }
        finally
        {
            Console.SetError(previous);
        }
    }

    private static string TempDirectory()
    {
        string directory = Path.Combine(Path.GetTempPath(), "headergen-cli", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    [Test]
    public void WritesTheHeaderWithAGuardFromTheFileName()
    {
        string dll = Snippet.Compile(Library);
        string header = Path.Combine(TempDirectory(), "my-lib.h");
        var (code, errors) = Run(dll, "-o", header);
        Assert.That(code, Is.EqualTo(0), errors);
        string text = File.ReadAllText(header);
        Assert.That(text, Does.Contain("#ifndef MY_LIB_H"));
        Assert.That(text, Does.Contain("CL_API int64_t CL_CALL cl_sum(cl_pair p);"));
    }

    [Test]
    public void CheckPassesOnlyWhenTheFileIsCurrent()
    {
        string dll = Snippet.Compile(Library);
        string header = Path.Combine(TempDirectory(), "lib.h");
        Assert.That(Run(dll, "-o", header, "--check").ExitCode, Is.EqualTo(1), "missing file");
        Assert.That(Run(dll, "-o", header).ExitCode, Is.EqualTo(0));
        Assert.That(Run(dll, "-o", header, "--check").ExitCode, Is.EqualTo(0));
        File.AppendAllText(header, "/* edited by hand */\n");
        var (code, errors) = Run(dll, "-o", header, "--check");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(errors, Does.Contain("differs").And.Contain("edited by hand"));
        Assert.That(File.ReadAllText(header), Does.EndWith("/* edited by hand */\n"), "--check never writes");
    }

    [Test]
    public void SymbolsAndLayoutTableFiles()
    {
        string dll = Snippet.Compile(Library);
        string directory = TempDirectory();
        string symbols = Path.Combine(directory, "lib.symbols"), table = Path.Combine(directory, "layouts.inc");
        Assert.That(Run(dll, "-o", Path.Combine(directory, "lib.h"), "--symbols", symbols, "--layout-table", table).ExitCode, Is.EqualTo(0));
        Assert.That(File.ReadAllLines(symbols), Is.EqualTo(new[] { "# functions", "cl_zero", "cl_sum", "# data", "cl_abi_hash" }));
        Assert.That(File.ReadAllText(table), Does.Contain("HEADERGEN_TYPE(cl_pair)\nHEADERGEN_FIELD(cl_pair, a)\nHEADERGEN_FIELD(cl_pair, b)\n"));
    }

    [Test]
    public void ErrorsExitWithOneAndWriteNothing()
    {
        string dll = Snippet.Compile("public static class Api { [UnmanagedCallersOnly(EntryPoint = \"f\")] public static unsafe void F(string* s) { } }");
        string header = Path.Combine(TempDirectory(), "bad.h");
        var (code, errors) = Run(dll, "-o", header);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(errors, Does.Contain($"error {DiagnosticIds.ManagedType.Id}: Api.F (parameter 's')").And.Contain("no header written"));
        Assert.That(File.Exists(header), Is.False);
    }

    [Test]
    public void UnnamedExportsAreNotDeclaredAndAnErrorOnlyInStrictMode()
    {
        string dll = Snippet.Compile("public static class Api { [UnmanagedCallersOnly] public static void Callback() { } [UnmanagedCallersOnly(EntryPoint = \"g\")] public static void G() { } }");
        string directory = TempDirectory();
        var plain = Run(dll, "-o", Path.Combine(directory, "a.h"));
        Assert.That(plain.ExitCode, Is.EqualTo(0));
        Assert.That(plain.Errors, Is.Empty, "Native AOT does not export it: nothing to declare, nothing to say");
        Assert.That(File.ReadAllText(Path.Combine(directory, "a.h")), Does.Not.Contain("Callback"));
        Assert.That(Run(dll, "-o", Path.Combine(directory, "e.h"), "--unnamed-exports", "error").ExitCode, Is.EqualTo(1));
        var (code, errors) = Run(dll, "-o", Path.Combine(directory, "b.h"), "--unnamed-exports", "warn");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(errors, Does.Contain($"warning {DiagnosticIds.UnnamedExport.Id}: Api.Callback"));
        var quiet = Run(dll, "-o", Path.Combine(directory, "n.h"), "--unnamed-exports", "warn", "--nowarn", DiagnosticIds.UnnamedExport.Id);
        Assert.That(quiet.ExitCode, Is.EqualTo(0));
        Assert.That(quiet.Errors, Is.Empty, "--nowarn leaves the warning out");
        Assert.That(Run(dll, "-o", Path.Combine(directory, "c.h"), "--unnamed-exports", "warn", "--warnings-as-errors").ExitCode, Is.EqualTo(1));
        var ignored = Run(dll, "-o", Path.Combine(directory, "d.h"), "--unnamed-exports", "ignore");
        Assert.That(ignored.ExitCode, Is.EqualTo(0));
        Assert.That(ignored.Errors, Is.Empty);
    }

    [Test]
    public void InputsThatAreNotAssemblies()
    {
        string directory = TempDirectory();
        Assert.That(Run(Path.Combine(directory, "missing.dll"), "-o", Path.Combine(directory, "x.h")).ExitCode, Is.EqualTo(2));
        string text = Path.Combine(directory, "text.dll");
        File.WriteAllText(text, "not a portable executable");
        var (code, errors) = Run(text, "-o", Path.Combine(directory, "y.h"));
        Assert.That(code, Is.EqualTo(2));
        Assert.That(errors, Does.Contain("not a .NET assembly"));
    }

    [Test]
    public void ExtraIncludesAndPrefixOverride()
    {
        string dll = Snippet.Compile(Library);
        string header = Path.Combine(TempDirectory(), "lib.h");
        Assert.That(Run(dll, "-o", header, "--include", "<stdio.h>", "--include", "\"extra.h\"", "--prefix", "zz_", "--guard", "CUSTOM_GUARD").ExitCode, Is.EqualTo(0));
        string text = File.ReadAllText(header);
        Assert.That(text, Does.Contain("#include <stdio.h>\n#include \"extra.h\""));
        Assert.That(text, Does.Contain("typedef struct zz_pair zz_pair;"));
        Assert.That(text, Does.Contain("#ifndef CUSTOM_GUARD"));
        // Two functions and the ABI fingerprint's data symbol.
        Assert.That(text.Split('\n').Count(l => l.StartsWith("ZZ_API", StringComparison.Ordinal)), Is.EqualTo(3));
        Assert.That(text, Does.Contain("ZZ_API extern const uint64_t zz_abi_hash;"));
    }
}

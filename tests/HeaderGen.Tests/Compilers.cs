using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using HeaderGen.Tests.Clang;
using NUnit.Framework;

namespace HeaderGen.Tests;

/// <summary>
/// The C and C++ compilers the header tests use. gcc is required; clang is optional: without a clang binary (plain or
/// versioned, as Debian installs clang-14), clang's C and C++ modes are checked through libclang, which reports what
/// clang would with the same flags.
/// </summary>
internal static class Compilers
{
    public static string? Find(string name)
    {
        string[] directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var candidates = new[] { name }.Concat(Enumerable.Range(14, 8).Reverse().Select(v => $"{name}-{v}"));
        return candidates.SelectMany(c => directories.Select(d => Path.Combine(d, c))).FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Compiles the source with -Wall -Wextra -Werror -pedantic -fsyntax-only; returns the compiler's error output,
    /// empty when it compiled cleanly.
    /// </summary>
    public static string SyntaxErrors(string compiler, string language, string standard, string source)
    {
        string? path = Find(compiler);
        if (path is null)
        {
            Assert.That(compiler, Does.StartWith("clang"), $"{compiler} is required (Debian: apt-get install -y gcc g++)");
            var view = ClangView.Parse(source, language, standard);
            return string.Join("\n", view.Errors);
        }

        var start = new ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string arg in new[] { "-x", language, $"-std={standard}", "-Wall", "-Wextra", "-Werror", "-pedantic", "-fsyntax-only", source })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{path} did not start");
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? string.Empty : $"{path} exited {process.ExitCode}:\n{errors}";
    }

    /// <summary>gcc's folder of compiler headers (stddef.h, stdbool.h, ...), for a libclang that came without its own.</summary>
    public static string GccBuiltinHeaders()
    {
        var start = new ProcessStartInfo(Find("gcc") ?? "gcc", "-print-file-name=include") { RedirectStandardOutput = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("gcc did not start");
        string folder = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return folder;
    }
}

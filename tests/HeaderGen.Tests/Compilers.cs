using System;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace HeaderGen.Tests;

/// <summary>Finds a compiler on PATH by its plain name or a versioned one (Debian installs clang 14 as clang-14).</summary>
internal static class Compilers
{
    public static string Find(string name)
    {
        string[] directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var candidates = new[] { name }.Concat(Enumerable.Range(14, 8).Reverse().Select(v => $"{name}-{v}"));
        foreach (string candidate in candidates)
        {
            if (directories.Select(d => Path.Combine(d, candidate)).FirstOrDefault(File.Exists) is { } path)
            {
                return path;
            }
        }

        Assert.Fail($"{name} is not installed (nor {name}-14 ... {name}-21); Debian: apt-get install -y clang");
        throw new InvalidOperationException("unreachable");
    }
}

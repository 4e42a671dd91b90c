using System.IO;
using HeaderGen.Tests.Clang;
using NUnit.Framework;

namespace HeaderGen.Tests;

/// <summary>
/// The headers in clang's C and C++ modes through libclang (the NuGet package), with the flags of the compile tests:
/// these run on a machine without any clang binary.
/// </summary>
public class LibclangCompileTests
{
    private static string Header(string which) => which == "exportlib"
        ? Path.Combine(Repository.Root, "include", "exportlib.h")
        : Path.Combine(Repository.Root, "tests", "HeaderGen.Tests", "golden", "testassembly.h");

    [Test]
    public void LibclangComesFromTheNuGetPackage()
    {
        ClangView.Parse(Header("exportlib"));
        Assert.That(LibClang.LoadedFrom, Is.EqualTo("the libclang.runtime NuGet package"));
    }

    [Test]
    public void TheHeadersCompileCleanly([Values("exportlib", "golden")] string which, [Values("c:c99", "c:c11", "c++:c++11", "c++:c++17")] string mode)
    {
        string[] parts = mode.Split(':');
        var view = ClangView.Parse(Header(which), parts[0], parts[1]);
        Assert.That(view.Errors, Is.Empty);
        Assert.That(view.Functions, Is.Not.Empty, "libclang saw no declarations: the parse did not read the header");
    }

    [Test]
    public void AWarningFailsTheCompile()
    {
        // -pedantic warns about an extra ';' at file scope in C; under -Werror that is an error, as with the clang binary.
        string copy = Path.Combine(Path.GetTempPath(), $"libclang-warning-{System.Guid.NewGuid():N}.h");
        File.WriteAllText(copy, File.ReadAllText(Header("exportlib")) + "\nint extra_semicolon;;\n");
        var view = ClangView.Parse(copy, "c", "c11");
        Assert.That(view.Errors, Has.Some.Contains("extra ';'"));
    }
}

using System.Linq;
using HeaderGen.Reading;
using NUnit.Framework;

namespace HeaderGen.Tests;

/// <summary>What C cannot express exactly is an error that names the member and the reason; no header is made.</summary>
public class ErrorTests
{
    private static void ExpectError(string source, string location, DiagnosticDescriptor expected, bool disableRuntimeMarshalling = true)
    {
        var diagnostics = Snippet.Errors(source, disableRuntimeMarshalling);
        Assert.That(diagnostics.Errors.Any(e => e.Location.Contains(location) && e.Id == expected.Id),
            $"expected {expected.Id} at {location}, got:\n{string.Join("\n", diagnostics.Items)}");
    }

    [Test]
    public void ReferenceTypeParameter() => ExpectError(
        "public static class Api { [UnmanagedCallersOnly(EntryPoint = \"f\")] public static void F(int a) { } [UnmanagedCallersOnly(EntryPoint = \"g\")] public static unsafe void G(string* s) { } }",
        "Api.G (parameter 's')", DiagnosticIds.ManagedType);

    [Test]
    public void ClassByPointer() => ExpectError(
        "public class Thing { public int x; } public static class Api { [UnmanagedCallersOnly(EntryPoint = \"f\")] public static unsafe void F(Thing* t) { } }",
        "Thing", DiagnosticIds.ReferenceType);

    [Test]
    public void GenericStruct() => ExpectError(
        "public struct Box<T> where T : unmanaged { public T v; } public static class Api { [UnmanagedCallersOnly(EntryPoint = \"f\")] public static void F(Box<int> b) { } }",
        "Api.F (parameter 'b')", DiagnosticIds.NoCForm);

    [Test]
    public void NonBlittableStruct() => ExpectError(
        "public struct Named { public int id; public string name; } public static unsafe class Api { [UnmanagedCallersOnly(EntryPoint = \"f\")] public static void F(Named* n) { } }",
        "Named.name", DiagnosticIds.ManagedType);

    [Test]
    public void EveryIdIsUniqueAndDocumented()
    {
        Assert.That(DiagnosticIds.All.Select(d => d.Id), Is.Unique);
        Assert.That(DiagnosticIds.All, Has.All.Matches<DiagnosticDescriptor>(d => d != null && System.Text.RegularExpressions.Regex.IsMatch(d.Id, "^HG[0-9]{4}$") && d.Meaning.Length > 0 && d.Instead.Length > 0));
        string readme = System.IO.File.ReadAllText(System.IO.Path.Combine(Repository.Root, "README.md"));
        foreach (var descriptor in DiagnosticIds.All)
        {
            Assert.That(readme, Does.Contain($"| {descriptor.Id} |"), $"{descriptor.Id} is missing from the README's table");
        }
    }

    [Test]
    public void ExportWithoutEntryPointInStrictMode()
    {
        var (header, diagnostics) = Snippet.Build("public static class Api { [UnmanagedCallersOnly] public static void F() { } }",
            new ReaderOptions { UnnamedExports = Severity.Error });
        Assert.That(header, Is.Null);
        Assert.That(diagnostics.Errors.Any(e => e.Location == "Api.F" && e.Id == DiagnosticIds.UnnamedExport.Id), string.Join("\n", diagnostics.Items));
    }

    [Test]
    public void DuplicateEntryPoint() => ExpectError(
        "public static class A { [UnmanagedCallersOnly(EntryPoint = \"same\")] public static void F() { } } public static class B { [UnmanagedCallersOnly(EntryPoint = \"same\")] public static void G() { } }",
        "B.G", DiagnosticIds.DuplicateEntryPoint);

    [Test]
    public void ManagedFunctionPointer() => ExpectError(
        "public static unsafe class Api { [UnmanagedCallersOnly(EntryPoint = \"f\")] public static void F(delegate*<int, int> cb) { } }",
        "Api.F (parameter 'cb')", DiagnosticIds.ManagedFunctionPointer);

    [Test]
    public void CallbackWhoseDelegateDiffers() => ExpectError(
        "public delegate int Fn(int x); public static unsafe class Api { [UnmanagedCallersOnly(EntryPoint = \"f\")] public static void F([CCallback(typeof(Fn))] delegate* unmanaged<long, int> cb) { } }",
        "Api.F (parameter 'cb')", DiagnosticIds.CallbackMismatch);

    [Test]
    public void OpaqueByValue() => ExpectError(
        "[COpaque] public struct H { } public static class Api { [UnmanagedCallersOnly(EntryPoint = \"f\")] public static void F(H h) { } }",
        "Api.F (parameter 'h')", DiagnosticIds.OpaqueByValue);

    [Test]
    public void TypeNamedLikeAKeyword() => ExpectError(
        "public struct Union { public int x; } public static class Api { [UnmanagedCallersOnly(EntryPoint = \"f\")] public static void F(Union u) { } }",
        "Union", DiagnosticIds.KeywordName);

    [Test]
    public void CollidingCNames() => ExpectError(
        "[CName(\"f\")] public struct A { public int x; } public static class Api { [UnmanagedCallersOnly(EntryPoint = \"f\")] public static void F(A a) { } }",
        "Api.F", DiagnosticIds.NameCollision);

    [Test]
    public void OverlappingExplicitFields() => ExpectError(
        "[StructLayout(LayoutKind.Explicit)] public struct O { [FieldOffset(0)] public long a; [FieldOffset(4)] public int b; } public static class Api { [UnmanagedCallersOnly(EntryPoint = \"f\")] public static void F(O o) { } }",
        "O.b", DiagnosticIds.OverlappingFields);

    [Test]
    public void MisalignedExplicitField() => ExpectError(
        "[StructLayout(LayoutKind.Explicit)] public struct M { [FieldOffset(0)] public byte a; [FieldOffset(1)] public int b; } public static class Api { [UnmanagedCallersOnly(EntryPoint = \"f\")] public static void F(M m) { } }",
        "M.b", DiagnosticIds.MisalignedField);

    [Test]
    public void AutoLayout() => ExpectError(
        "[StructLayout(LayoutKind.Auto)] public struct A { public int x; public byte y; } public static class Api { [UnmanagedCallersOnly(EntryPoint = \"f\")] public static void F(A a) { } }",
        "A", DiagnosticIds.AutoLayout);

    [Test]
    public void BoolWithoutDisableRuntimeMarshalling() => ExpectError(
        "public struct B { public bool flag; } public static unsafe class Api { [UnmanagedCallersOnly(EntryPoint = \"f\")] public static void F(B* b) { } }",
        "Sample", DiagnosticIds.MarshalledPrimitive, disableRuntimeMarshalling: false);

    [Test]
    public void ConstOnANonPointer() => ExpectError(
        "public static class Api { [UnmanagedCallersOnly(EntryPoint = \"f\")] public static void F([Const] int x) { } }",
        "Api.F (parameter 'x')", DiagnosticIds.ConstOnNonPointer);

    [Test]
    public void ManagedArray() => ExpectError(
        "public static class Api { [UnmanagedCallersOnly(EntryPoint = \"f\")] public static unsafe void F(int[]* x) { } }",
        "Api.F (parameter 'x')", DiagnosticIds.NoCForm);
}

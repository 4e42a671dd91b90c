using System.Linq;
using HeaderGen.Emit;
using HeaderGen.Model;
using NUnit.Framework;

namespace HeaderGen.Tests;

/// <summary>[CData] constants become data symbols; every header carries the interface's fingerprint.</summary>
public class DataSymbolTests
{
    private const string Exports = "[assembly: CPrefix(\"dz_\")] public struct Pair { public int a; public long b; } "
        + "public static class Api { [UnmanagedCallersOnly(EntryPoint = \"dz_sum\")] public static long Sum(Pair p) => p.a + p.b; ";

    private static CHeader Model(string source)
    {
        var (header, diagnostics) = Snippet.Build(source);
        Assert.That(header, Is.Not.Null, string.Join("\n", diagnostics.Items));
        return header!;
    }

    [Test]
    public void ConstantsBecomeExternDeclarationsAndDefinitions()
    {
        string source = Exports + "[CData(\"dz_version_number\")] public const uint Version = 0x10203; [CData] public const string BuildName = \"alpha \\\"1\\\"\"; "
            + "[CData(\"dz_level\", Mutable = true)] public const short Level = -3; [CData] public const double Ratio = 0.5; }";
        var header = Model(source);
        string text = CHeaderWriter.Write(header);
        Assert.That(text, Does.Contain("DZ_API extern const uint32_t dz_version_number;"));
        Assert.That(text, Does.Contain("DZ_API extern const char dz_build_name[];"));
        Assert.That(text, Does.Contain("DZ_API extern int16_t dz_level;"));
        Assert.That(text, Does.Contain("DZ_API extern const double dz_ratio;"));
        Assert.That(text, Does.Contain("DZ_API extern const uint64_t dz_abi_hash;"));
        Assert.That(text, Does.Contain($"#define DZ_ABI_HASH UINT64_C(0x{header.AbiHash:X})"));
        // A [CData] constant is not also a macro.
        Assert.That(text, Does.Not.Contain("VERSION 0x10203"));

        string unit = CDataSourceWriter.Write(header, "dz.h");
        Assert.That(unit, Does.Contain("#define DZ_BUILDING\n#include \"dz.h\""));
        Assert.That(unit, Does.Contain("DZ_API const uint32_t dz_version_number = 0x10203u;"));
        Assert.That(unit, Does.Contain("DZ_API const char dz_build_name[] = \"alpha \\\"1\\\"\";"));
        Assert.That(unit, Does.Contain("DZ_API int16_t dz_level = (-3);"));
        Assert.That(unit, Does.Contain("DZ_API const double dz_ratio = 0.5;"));
        Assert.That(unit, Does.Contain("DZ_API const uint64_t dz_abi_hash = DZ_ABI_HASH;"));
        Assert.That(unit, Does.Contain("DZ_DATA_HIDDEN void* dz_level__address(void) { return (void*)&dz_level; }"));
        Assert.That(unit, Does.Not.Contain("dz_ratio__address"), "only mutable symbols get an address function");

        Assert.That(SymbolsWriter.Write(header), Is.EqualTo("# functions\ndz_sum\n# data\ndz_version_number\ndz_build_name\ndz_level\ndz_ratio\ndz_abi_hash\n"));
    }

    [Test]
    public void TheFingerprintIsStableAndFollowsTheInterface()
    {
        ulong first = Model(Exports + "}").AbiHash;
        Assert.That(Model(Exports + "}").AbiHash, Is.EqualTo(first), "the same interface, compiled again");
        Assert.That(Model("/// <summary>docs do not count</summary>\n" + Exports + "}").AbiHash, Is.EqualTo(first));
        Assert.That(Model(Exports.Replace("public long b;", "public int b;") + "}").AbiHash, Is.Not.EqualTo(first), "a field's type and so the layout");
        Assert.That(Model(Exports.Replace("dz_sum", "dz_total") + "}").AbiHash, Is.Not.EqualTo(first), "a function's name");
        Assert.That(Model(Exports + "[UnmanagedCallersOnly(EntryPoint = \"dz_more\")] public static void More() { } }").AbiHash, Is.Not.EqualTo(first), "a new function");
        Assert.That(Model(Exports + "[CData] public const int Seven = 7; }").AbiHash, Is.Not.EqualTo(first), "a new data symbol");
        Assert.That(Model(Exports + "[CData] public const int Seven = 8; }").AbiHash, Is.EqualTo(Model(Exports + "[CData] public const int Seven = 7; }").AbiHash), "a data symbol's value is not interface");
    }

    [Test]
    public void DataNeedsAConstantOfAPrimitiveType()
    {
        var diagnostics = Snippet.Errors(Exports + "[CData] public static int NotConst = 1; }");
        Assert.That(diagnostics.Errors.Single().Location, Does.Contain("Api.NotConst"));
        Assert.That(diagnostics.Errors.Single().Id, Is.EqualTo(DiagnosticIds.BadData.Id));
        diagnostics = Snippet.Errors(Exports + "[CData(Mutable = true)] public const string Text = \"x\"; }");
        Assert.That(diagnostics.Errors.Single().Id, Is.EqualTo(DiagnosticIds.BadData.Id));
    }

    [Test]
    public void ADataNameMayNotCollide()
    {
        var diagnostics = Snippet.Errors(Exports + "[CData(\"dz_sum\")] public const int Clash = 1; }");
        Assert.That(diagnostics.Errors.Any(e => e.Id == DiagnosticIds.NameCollision.Id && e.Message.Contains("'dz_sum'")), string.Join("\n", diagnostics.Items));
        diagnostics = Snippet.Errors(Exports + "[CData(\"dz_abi_hash\")] public const int Clash = 1; }");
        Assert.That(diagnostics.Errors.Any(e => e.Id == DiagnosticIds.NameCollision.Id && e.Message.Contains("'dz_abi_hash'")), string.Join("\n", diagnostics.Items));
    }

    [Test]
    public void TheMacroPrefixDropsOnlyATrailingH()
    {
        var header = new CHeader { SourceAssembly = "x.dll", Prefix = string.Empty, Guard = "MY_HEADER_H" };
        Assert.That(header.MacroPrefix, Is.EqualTo("MY_HEADER_"));
        Assert.That(new CHeader { SourceAssembly = "x.dll", Prefix = string.Empty, Guard = "HASH_HELPERS_H" }.MacroPrefix, Is.EqualTo("HASH_HELPERS_"));
        Assert.That(new CHeader { SourceAssembly = "x.dll", Prefix = string.Empty, Guard = "HASH_HELPERS_H" }.AbiHashSymbol, Is.EqualTo("hash_helpers_abi_hash"));
    }

    [Test]
    public void AConstantWithoutACLiteralIsLeftOutWithAWarning()
    {
        var (header, diagnostics) = Snippet.Build(Exports + "} [CConstants] public static class K { public const double Bad = double.NaN; public const int Good = 1; }");
        Assert.That(header, Is.Not.Null);
        Assert.That(diagnostics.Warnings.Select(w => (w.Id, w.Location)), Is.EqualTo(new[] { (DiagnosticIds.ConstantWithoutLiteral.Id, "K.Bad") }));
        Assert.That(header!.Constants.Select(c => c.Name), Is.EqualTo(new[] { "DZ_K_GOOD" }));
    }

    [Test]
    public void TheLoaderHeadersNamesAreReserved()
    {
        var diagnostics = Snippet.Errors(Exports + "} [CName(\"dz_api\")] public struct Clash { public int x; } public static class More { [UnmanagedCallersOnly(EntryPoint = \"dz_use\")] public static void Use(Clash c) { } }");
        Assert.That(diagnostics.Errors.Any(e => e.Id == DiagnosticIds.NameCollision.Id && e.Message.Contains("'dz_api'")), string.Join("\n", diagnostics.Items));
    }
}

using System.Linq;
using HeaderGen.Reading;
using NUnit.Framework;

namespace HeaderGen.Tests;

public class EmitTests
{
    private const string Enums = """
        [assembly: CPrefix("zz_")]
        public enum Mode { None = 0, Fast = 1, Careful = 2 }
        public enum Other { None = 0, Big = 7 }
        public enum Small : byte { None = 0, Max = 255 }
        public enum Wide : long { Min = long.MinValue, Max = long.MaxValue }
        [Flags] public enum Caps : uint { None = 0, Read = 1, Write = 2, Exec = 0x100 }
        [CEnumPrefix("ZZ_")] public enum Result { Ok = 0, Failed = 1 }
        public static class Api
        {
            [UnmanagedCallersOnly(EntryPoint = "zz_use")]
            public static Result Use(Mode m, Other o, Small s, Wide w, Caps c) => Result.Ok;
        }
        """;

    [Test]
    public void Int32EnumsAreCEnumsWithPrefixedMembers()
    {
        string text = Snippet.Header(Enums);
        Assert.That(text, Does.Contain("typedef enum zz_mode {\n    ZZ_MODE_NONE = 0,\n    ZZ_MODE_FAST = 1,\n    ZZ_MODE_CAREFUL = 2\n} zz_mode;"));
        Assert.That(text, Does.Contain("ZZ_OTHER_NONE = 0"), "two enums with a member None do not collide");
        Assert.That(text, Does.Contain("ZZ_OK = 0"));
        Assert.That(text, Does.Contain("ZZ_ASSERT_SIZE(zz_mode, 4)"));
    }

    [Test]
    public void OtherWidthsAreExactIntegerTypedefsWithMacros()
    {
        string text = Snippet.Header(Enums);
        Assert.That(text, Does.Contain("typedef uint8_t zz_small;\n#define ZZ_SMALL_NONE 0\n#define ZZ_SMALL_MAX 255"));
        Assert.That(text, Does.Contain("typedef int64_t zz_wide;\n#define ZZ_WIDE_MIN (-INT64_C(9223372036854775807) - 1)\n#define ZZ_WIDE_MAX INT64_C(9223372036854775807)"));
    }

    [Test]
    public void FlagsAreTypedefsWithOneMacroPerFlagAndAnAllMask()
    {
        string text = Snippet.Header(Enums);
        Assert.That(text, Does.Contain("typedef uint32_t zz_caps;"));
        Assert.That(text, Does.Contain("#define ZZ_CAPS_READ 0x1u"));
        Assert.That(text, Does.Contain("#define ZZ_CAPS_EXEC 0x100u"));
        Assert.That(text, Does.Contain("#define ZZ_CAPS_ALL 0x103u"));
    }

    [Test]
    public void FunctionsUseTheApiAndCallingConventionMacros()
    {
        string text = Snippet.Header(Enums);
        Assert.That(text, Does.Contain("ZZ_API zz_result ZZ_CALL zz_use(zz_mode m, zz_other o, zz_small s, zz_wide w, zz_caps c);"));
    }

    [Test]
    public void PointersConstOpaqueHandlesCallbacksAndConstants()
    {
        string text = Snippet.Header("""
            [assembly: CPrefix("k_")]
            [COpaque] public struct Session { }
            public struct Event { public int kind; public long value; }
            public unsafe delegate int EventFn(void* user_data, [Const] Event* ev);
            public unsafe struct Sink { [CCallback(typeof(EventFn))] public delegate* unmanaged<void*, Event*, int> fn; public void* user_data; }
            [CConstants] public static class Limits { public const int MaxItems = 64; public const long Big = 1L << 40; public const string Name = "k\"lib"; public const double Ratio = 0.5; }
            public static unsafe class Api
            {
                [UnmanagedCallersOnly(EntryPoint = "k_open")]
                public static int Open([CType("const char*")] byte* path, Session** @out) => 0;
                [UnmanagedCallersOnly(EntryPoint = "k_close")]
                public static void Close(Session* s) { }
                [UnmanagedCallersOnly(EntryPoint = "k_drain", CallConvs = new[] { typeof(CallConvCdecl) })]
                public static int Drain(Session* s, [CCallback(typeof(EventFn))] delegate* unmanaged<void*, Event*, int> fn, void* user_data, [Const] Sink* sink, [CType("size_t*")] nuint* count) => 0;
                [UnmanagedCallersOnly(EntryPoint = "k_stdcall", CallConvs = new[] { typeof(CallConvStdcall) })]
                public static void Std() { }
            }
            """);
        Assert.That(text, Does.Contain("typedef struct k_session k_session;"));
        Assert.That(text, Does.Contain("K_API int32_t K_CALL k_open(const char* path, k_session** out);"));
        Assert.That(text, Does.Contain("typedef int32_t (K_CALL *k_event_fn)(void* user_data, const k_event* ev);"));
        Assert.That(text, Does.Contain("k_event_fn fn;"));
        Assert.That(text, Does.Contain("K_API int32_t K_CDECL k_drain(k_session* s, k_event_fn fn, void* user_data, const k_sink* sink, size_t* count);"));
        Assert.That(text, Does.Contain("K_API void K_STDCALL k_stdcall(void);"));
        Assert.That(text, Does.Contain("#define K_LIMITS_MAX_ITEMS 64"));
        Assert.That(text, Does.Contain("#define K_LIMITS_BIG INT64_C(1099511627776)"));
        Assert.That(text, Does.Contain("#define K_LIMITS_NAME \"k\\\"lib\""));
        Assert.That(text, Does.Contain("#define K_LIMITS_RATIO 0.5"));
        // Types come before their first use: the callback typedef before the struct holding it.
        Assert.That(text.IndexOf("k_event_fn)(", System.StringComparison.Ordinal), Is.LessThan(text.IndexOf("struct k_sink {", System.StringComparison.Ordinal)));
    }

    [Test]
    public void StructsAreDefinedBeforeTheStructsThatContainThem()
    {
        string text = Snippet.Header("""
            public struct Outer { public Middle m; }
            public struct Middle { public Inner i; public unsafe Outer* back; }
            public struct Inner { public int x; }
            public static class Api { [UnmanagedCallersOnly(EntryPoint = "f")] public static void F(Outer o) { } }
            """);
        int inner = text.IndexOf("struct inner {", System.StringComparison.Ordinal);
        int middle = text.IndexOf("struct middle {", System.StringComparison.Ordinal);
        int outer = text.IndexOf("struct outer {", System.StringComparison.Ordinal);
        Assert.That(inner, Is.LessThan(middle));
        Assert.That(middle, Is.LessThan(outer));
        Assert.That(text, Does.Contain("outer* back;"), "a cycle through a pointer uses the forward declaration");
    }

    [Test]
    public void DocumentationCommentsBecomeCComments()
    {
        string text = Snippet.Header("""
            /// <summary>A <c>point</c>, see <see cref="Api"/>.</summary>
            public struct Pt { /// <summary>Across.</summary>
            public int x; }
            /// <summary>The API.</summary>
            public static class Api
            {
                /// <summary>Does it. Never writes */ outside.</summary>
                /// <param name="p">The point.</param>
                /// <returns>Zero.</returns>
                [UnmanagedCallersOnly(EntryPoint = "doit")] public static int DoIt(Pt p) => 0;
            }
            """, documentation: true);
        Assert.That(text, Does.Contain("/** A point, see Api. */"));
        Assert.That(text, Does.Contain("    /** Across. */\n    int32_t x;"));
        Assert.That(text, Does.Contain(" * Does it. Never writes * / outside.\n * @param p The point.\n * @return Zero.\n"));
        Assert.That(text, Does.Contain("/* ---- pt ---- */"), "functions are grouped by the header type they are about");
        Assert.That(text, Does.Not.Contain("---- Api"), "the C# class is no banner");
    }

    [Test]
    public void FunctionsAreGroupedByTheTypeTheyAreAbout()
    {
        string text = Snippet.Header("""
            [COpaque] public struct Session { }
            public struct Point { public int x; }
            public static unsafe class Api
            {
                [UnmanagedCallersOnly(EntryPoint = "zeta")] public static int Zeta() => 0;
                [UnmanagedCallersOnly(EntryPoint = "session_close")] public static void Close(Session* s) { }
                [UnmanagedCallersOnly(EntryPoint = "point_make")] public static Point Make(int x) => default;
                [UnmanagedCallersOnly(EntryPoint = "session_open")] public static Session* Open(int flags) => null;
                [UnmanagedCallersOnly(EntryPoint = "alpha")] public static int Alpha(int x) => x;
                [UnmanagedCallersOnly(EntryPoint = "point_norm")] public static int Norm(Point* p) => 0;
            }
            """);
        string[] order = { "/* ---- Functions ---- */", " zeta(", " alpha(", "/* ---- point ---- */", " point_make(", " point_norm(", "/* ---- session ---- */", " session_close(", " session_open(" };
        int at = 0;
        foreach (string piece in order)
        {
            int found = text.IndexOf(piece, at, System.StringComparison.Ordinal);
            Assert.That(found, Is.GreaterThanOrEqualTo(0), $"'{piece}' after position {at}");
            at = found;
        }
    }

    [Test]
    public void KeywordNamedParametersAndFieldsAreRenamedWithAWarning()
    {
        var (header, diagnostics) = Snippet.Build("""
            public struct Tpl { public int template; public int @class; }
            public static class Api { [UnmanagedCallersOnly(EntryPoint = "g")] public static void G(Tpl @default, int tpl) { } }
            """);
        Assert.That(header, Is.Not.Null);
        string text = Emit.CHeaderWriter.Write(header!);
        Assert.That(text, Does.Contain("int32_t template_;"));
        Assert.That(text, Does.Contain("int32_t class_;"));
        Assert.That(text, Does.Contain("g(tpl default_, int32_t tpl_);"), "a parameter named like a type is renamed too");
        Assert.That(diagnostics.Warnings.Select(w => w.Id), Is.EqualTo(Enumerable.Repeat(DiagnosticIds.RenamedLocal.Id, 4)));
    }

    [Test]
    public void DnneAttributesAreHonoured()
    {
        const string dnne = """
            namespace DNNE
            {
                internal sealed class C99TypeAttribute : System.Attribute { public C99TypeAttribute(string code) { } }
                internal sealed class C99DeclCodeAttribute : System.Attribute { public C99DeclCodeAttribute(string code) { } }
            }
            """;
        string dll = Snippet.Compile("""
            public static unsafe class Api
            {
                [UnmanagedCallersOnly(EntryPoint = "d")]
                [DNNE.C99DeclCode("struct dnne_thing { int v; };")]
                [return: DNNE.C99Type("struct dnne_thing*")]
                public static void* D([DNNE.C99Type("const struct dnne_thing*")] void* t) => t;
            }
            """, extraSources: dnne);
        var diagnostics = new Diagnostics();
        string text = Pipeline.Generate(dll, new ReaderOptions(), diagnostics)!;
        Assert.That(text, Does.Contain("struct dnne_thing { int v; };"));
        Assert.That(text, Does.Contain("struct dnne_thing* SAMPLE_CALL d(const struct dnne_thing* t);"));
    }

    [Test]
    public void AnExportWithoutThePrefixIsSuspicious()
    {
        var (header, diagnostics) = Snippet.Build("[assembly: CPrefix(\"p_\")] public static class Api { [UnmanagedCallersOnly(EntryPoint = \"p_ok\")] public static void A() { } [UnmanagedCallersOnly(EntryPoint = \"other\")] public static void B() { } }");
        Assert.That(header, Is.Not.Null);
        Assert.That(diagnostics.Warnings.Select(w => (w.Id, w.Location)), Is.EqualTo(new[] { (DiagnosticIds.MissingPrefix.Id, "Api.B") }));
    }

    [Test]
    public void EveryMacroTheHeaderDefinesForItselfIsClaimed()
    {
        var (header, _) = Snippet.Build("[assembly: CPrefix(\"q_\")] public static class Api { [UnmanagedCallersOnly(EntryPoint = \"q_f\")] public static void F() { } }");
        string text = Emit.CHeaderWriter.Write(header!);
        var defined = System.Text.RegularExpressions.Regex.Matches(text, @"#\s*define\s+(Q_[A-Z_]+)").Select(m => m.Groups[1].Value).Distinct();
        var claimed = Passes.NamingPass.HeaderMacros(header!).ToHashSet();
        Assert.That(defined, Is.Not.Empty);
        Assert.That(defined.Where(d => !claimed.Contains(d)), Is.Empty, "macros the header defines but the naming pass does not protect");
    }

    [Test]
    public void AConstantNamedLikeTheHeadersOwnMacroIsAnError()
    {
        var diagnostics = Snippet.Errors("[assembly: CPrefix(\"q_\")] [CConstants] public static class Limits { [CName(\"Q_ASSERT_SIZE\")] public const int X = 1; } public static class Api { [UnmanagedCallersOnly(EntryPoint = \"q_f\")] public static void F() { } }");
        Assert.That(diagnostics.Errors.Any(e => e.Id == DiagnosticIds.NameCollision.Id && e.Message.Contains("'Q_ASSERT_SIZE' is also used by the header's own macros")), Is.True, string.Join("\n", diagnostics.Items));
    }

    [Test]
    public void OutputIsDeterministic()
    {
        string dll = Snippet.Compile(Enums);
        string a = Pipeline.Generate(dll, new ReaderOptions(), new Diagnostics())!;
        string b = Pipeline.Generate(dll, new ReaderOptions(), new Diagnostics())!;
        Assert.That(a, Is.EqualTo(b));
        Assert.That(a, Does.Not.Contain("\r"));
    }

    [Test]
    public void GuardAndIncludesAreOptions()
    {
        string text = Snippet.Header(Enums, new ReaderOptions { Guard = "MY_GUARD_H", ExtraIncludes = new[] { "<stdio.h>", "\"mine.h\"" } });
        Assert.That(text, Does.Contain("#ifndef MY_GUARD_H\n#define MY_GUARD_H"));
        Assert.That(text, Does.Contain("#include <stdio.h>\n#include \"mine.h\""));
        Assert.That(text, Does.EndWith("#endif /* MY_GUARD_H */\n"));
    }
}

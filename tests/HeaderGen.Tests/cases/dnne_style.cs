// A DNNE project: DNNE's attributes (matched by namespace and name), [C99Type] replacing a type before it is mapped,
// [C99DeclCode] on a method and on a parameter (each block once, after the macros), and a [DNNE.Export] method,
// which Native AOT does not export (warning HG0036).
namespace DNNE
{
    internal sealed class ExportAttribute : System.Attribute { public string? EntryPoint { get; set; } }
    internal sealed class C99TypeAttribute : System.Attribute { public C99TypeAttribute(string code) { } }
    internal sealed class C99DeclCodeAttribute : System.Attribute { public C99DeclCodeAttribute(string code) { } }
}

public struct IntFields { public int A; public int B; }

public static unsafe class Api
{
    [UnmanagedCallersOnly(EntryPoint = "dn_sum")]
    [DNNE.C99DeclCode("struct int_fields { int a; int b; };")]
    public static int Sum([DNNE.C99Type("struct int_fields*")] IntFields* fields) => 0;

    [UnmanagedCallersOnly(EntryPoint = "dn_text")]
    public static int Text([DNNE.C99DeclCode("typedef const char* dn_text_t;"), DNNE.C99Type("dn_text_t")] byte* text, [DNNE.C99Type("struct int_fields*")] IntFields* again) => 0;

    [DNNE.Export(EntryPoint = "dn_legacy")]
    public static int Legacy(int x) => x;
}

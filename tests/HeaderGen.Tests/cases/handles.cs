// Opaque handle types: [COpaque], or a struct without fields; used through pointers only.
[assembly: CPrefix("hd_")]
[COpaque] public struct Session { }
public struct Token { }
public static unsafe class Api
{
    [UnmanagedCallersOnly(EntryPoint = "hd_open")] public static Session* Open(Token* token) => null;
    [UnmanagedCallersOnly(EntryPoint = "hd_create")] public static int Create(Session** out_session) => 0;
    [UnmanagedCallersOnly(EntryPoint = "hd_close")] public static void Close(Session* session) { }
}

using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using HeaderGen;

[assembly: DisableRuntimeMarshalling]
[assembly: CPrefix("gr_")]

namespace Greeter;

public static unsafe class Api
{
    [CData("gr_greeting_count")]
    public const int GreetingCount = 3;

    /// <summary>Writes "Hello, NAME!" (NUL-terminated) into buf; returns the bytes needed including the NUL.</summary>
    [UnmanagedCallersOnly(EntryPoint = "gr_greet")]
    [return: CType("size_t")]
    public static nuint Greet([CType("const char*")] byte* name, [CType("char*")] byte* buf, [CType("size_t")] nuint len)
    {
        string who = name is null ? "world" : Marshal.PtrToStringUTF8((nint)name) ?? "world";
        byte[] text = Encoding.UTF8.GetBytes($"Hello, {who}!\0");
        if ((nuint)text.Length <= len && buf is not null)
        {
            text.CopyTo(new Span<byte>(buf, text.Length));
        }

        return (nuint)text.Length;
    }
}

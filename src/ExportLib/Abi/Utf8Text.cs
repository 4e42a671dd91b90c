using System;
using System.Runtime.InteropServices;
using System.Text;

namespace ExportLib.Abi;

/// <summary>UTF-8 text that C hands in.</summary>
internal static unsafe class Utf8Text
{
    /// <summary>The bytes of a NUL-terminated string, without the NUL.</summary>
    public static ReadOnlySpan<byte> Bytes(byte* s) => MemoryMarshal.CreateReadOnlySpanFromNullTerminated(s);

    /// <summary>For messages and lookups: invalid bytes become U+FFFD, so whatever comes back is valid UTF-8.</summary>
    public static string Decode(byte* s) => Encoding.UTF8.GetString(Bytes(s));
}

using System;
using System.Runtime.InteropServices;
using System.Text;

namespace ExportLib.Abi;

/// <summary>UTF-8 text that C hands in.</summary>
internal static unsafe class Utf8Text
{
    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The bytes of a NUL-terminated string, without the NUL.</summary>
    public static ReadOnlySpan<byte> Bytes(byte* s) => MemoryMarshal.CreateReadOnlySpanFromNullTerminated(s);

    /// <summary>For messages and lookups: invalid bytes become U+FFFD, so whatever comes back is valid UTF-8.</summary>
    public static string Decode(byte* s) => Encoding.UTF8.GetString(Bytes(s));

    public static bool IsValid(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    public static UTF8Encoding Strict => s_strict;
}

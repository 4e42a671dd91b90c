using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ExportLib.Abi;

/// <summary>Addresses of UTF-8 literals that C may keep forever.</summary>
internal static unsafe class StaticText
{
    // A u8 literal lives in the image's read-only data, so its address never moves and is never freed.
    // Callers pass the literal with an explicit "\0" so C sees a terminated string.
    public static byte* Pointer(ReadOnlySpan<byte> nulTerminatedLiteral)
        => (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(nulTerminatedLiteral));
}

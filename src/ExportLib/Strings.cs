using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using ExportLib.Abi;
using HeaderGen;

namespace ExportLib;

/// <summary>
/// Strings the library allocates for C. Each address is remembered until el_string_free, so freeing anything else,
/// or freeing twice, is refused instead of corrupting the heap.
/// </summary>
internal static unsafe class OwnedStrings
{
    private static readonly ConcurrentDictionary<nint, byte> s_live = new();

    public static int LiveCount => s_live.Count;

    public static byte* Allocate(ReadOnlySpan<byte> text)
    {
        FaultInjection.BeforeAllocation();
        byte* memory = (byte*)NativeMemory.Alloc((nuint)text.Length + 1);
        text.CopyTo(new Span<byte>(memory, text.Length));
        memory[text.Length] = 0;
        s_live[(nint)memory] = 0;
        return memory;
    }

    public static bool Free(byte* s)
    {
        if (!s_live.TryRemove((nint)s, out _))
        {
            return false;
        }

        NativeMemory.Free(s);
        return true;
    }
}

/// <summary>Contract section 10: strings.</summary>
public static unsafe class StringExports
{
    /// <summary>UTF-8 (len bytes) to UTF-16; *required counts a terminating 0 unit; NULL s with len == 0 is "".</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_utf8_to_utf16))]
    public static Status el_utf8_to_utf16([CType("const char*")] byte* s, [CType("size_t")] nuint len, ushort* @out, [CType("size_t")] nuint out_len, [CType("size_t*")] nuint* required)
    {
        try
        {
            if (s == null && len != 0)
            {
                return Guard.Null(nameof(s));
            }

            if (@out == null && out_len != 0)
            {
                return Guard.Null("out");
            }

            if (len > int.MaxValue)
            {
                return Guard.Fail(Status.ErrInvalidArgument, $"len {len} is larger than this library handles");
            }

            var source = new ReadOnlySpan<byte>(s, (int)len);
            if (!Utf8.IsValid(source))
            {
                return Guard.Fail(Status.ErrInvalidUtf8, "the input is not valid UTF-8");
            }

            // UTF-16 never needs more units than UTF-8 has bytes: a buffer that large takes the text directly.
            if (out_len > len)
            {
                Utf8.ToUtf16(source, new Span<char>(@out, (int)len), out _, out int written, replaceInvalidSequences: false);
                @out[written] = 0;
                if (required != null)
                {
                    *required = (nuint)written + 1;
                }

                return Status.Ok;
            }

            char[] temporary = ArrayPool<char>.Shared.Rent(Math.Max(1, (int)len));
            try
            {
                Utf8.ToUtf16(source, temporary, out _, out int written, replaceInvalidSequences: false);
                return CallerBuffer.Write(MemoryMarshal.Cast<char, ushort>(temporary.AsSpan(0, written)), @out, out_len, required, "out");
            }
            finally
            {
                ArrayPool<char>.Shared.Return(temporary);
            }
        }
        catch (Exception e)
        {
            return Guard.Internal(e);
        }
    }

    /// <summary>UTF-16 (len units) to UTF-8; *required counts a terminating 0 byte; lone surrogates are invalid.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_utf16_to_utf8))]
    public static Status el_utf16_to_utf8([Const] ushort* s, [CType("size_t")] nuint len, [CType("char*")] byte* @out, [CType("size_t")] nuint out_len, [CType("size_t*")] nuint* required)
    {
        try
        {
            if (s == null && len != 0)
            {
                return Guard.Null(nameof(s));
            }

            if (@out == null && out_len != 0)
            {
                return Guard.Null("out");
            }

            if (len > int.MaxValue / 3)
            {
                return Guard.Fail(Status.ErrInvalidArgument, $"len {len} is larger than this library handles");
            }

            var source = new ReadOnlySpan<char>(s, (int)len);
            int most = (int)len * 3;
            byte[] temporary = ArrayPool<byte>.Shared.Rent(Math.Max(1, most));
            try
            {
                if (Utf8.FromUtf16(source, temporary, out _, out int written, replaceInvalidSequences: false) != OperationStatus.Done)
                {
                    return Guard.Fail(Status.ErrInvalidUtf16, "the input is not valid UTF-16 (a lone or reversed surrogate)");
                }

                return CallerBuffer.Write<byte>(temporary.AsSpan(0, written), @out, out_len, required, "out");
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(temporary);
            }
        }
        catch (Exception e)
        {
            return Guard.Internal(e);
        }
    }

    /// <summary>
    /// A new string with the text's grapheme clusters (Unicode extended text elements) in reverse order, so accents,
    /// emoji sequences and flags stay whole. Release it with el_string_free. On failure *out is left unchanged (it is
    /// not a handle out-parameter).
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_string_reverse))]
    public static Status el_string_reverse([CType("const char*")] byte* utf8, [CType("char**")] byte** @out)
    {
        try
        {
            if (utf8 == null)
            {
                return Guard.Null(nameof(utf8));
            }

            if (@out == null)
            {
                return Guard.Null("out");
            }

            var bytes = Utf8Text.Bytes(utf8);
            if (!Utf8.IsValid(bytes))
            {
                return Guard.Fail(Status.ErrInvalidUtf8, "the input is not valid UTF-8");
            }

            *@out = OwnedStrings.Allocate(Encoding.UTF8.GetBytes(ReverseTextElements(Encoding.UTF8.GetString(bytes))));
            return Status.Ok;
        }
        catch (Exception e)
        {
            return Guard.Internal(e);
        }
    }

    /// <summary>Frees a string from el_string_reverse. NULL does nothing; any other pointer is refused and recorded.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_string_free))]
    [CStringFree]
    public static void el_string_free([CType("char*")] byte* s)
    {
        try
        {
            if (s != null && !OwnedStrings.Free(s))
            {
                Guard.Fail(Status.ErrInvalidHandle, "argument 's' is not a live string from this library");
            }
        }
        catch (Exception e)
        {
            Guard.Internal(e);
        }
    }

    internal static string ReverseTextElements(string text)
    {
        var result = new StringBuilder(text.Length);
        // Text element boundaries, from the end: .NET's own UAX #29 segmentation (managed code, also under
        // InvariantGlobalization, which affects culture data only).
        int end = text.Length;
        var starts = new System.Collections.Generic.List<int>();
        for (int i = 0; i < text.Length; i += StringInfo.GetNextTextElementLength(text, i))
        {
            starts.Add(i);
        }

        for (int k = starts.Count - 1; k >= 0; k--)
        {
            result.Append(text, starts[k], end - starts[k]);
            end = starts[k];
        }

        return result.ToString();
    }
}

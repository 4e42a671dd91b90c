using System;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace BarePeer;

[StructLayout(LayoutKind.Sequential)]
public struct Rgba
{
    public byte R, G, B, A;
}

[StructLayout(LayoutKind.Sequential)]
public struct Point
{
    public double X, Y;
}

[StructLayout(LayoutKind.Sequential)]
public struct Example
{
    public byte Tiny;
    public uint Normal;
    public byte Small;
    public ulong LongValue;
    public ushort ShortValue;
}

internal sealed class Context(int state)
{
    public static readonly byte[] Lower = "abcdefghijklmnopqrstuvwxyz"u8.ToArray();
    public static readonly byte[] Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"u8.ToArray();

    public int State = state;

    public byte[] Text => State == 1 ? Upper : Lower;
}

/// <summary>
/// What a C# developer writes first: a GCHandle per object, a cast per call, no argument checks, no error reporting,
/// exceptions left to abort the process. Only the benchmark's happy paths are ever called.
/// </summary>
public static unsafe class BareExports
{
    [UnmanagedCallersOnly(EntryPoint = "bare_noop")]
    public static void Noop()
    {
    }

    [UnmanagedCallersOnly(EntryPoint = "bare_rgba_pack")]
    public static uint RgbaPack(Rgba c) => (uint)(c.R | c.G << 8 | c.B << 16 | c.A << 24);

    [UnmanagedCallersOnly(EntryPoint = "bare_point_scale")]
    public static Point PointScale(Point p, double k) => new() { X = p.X * k, Y = p.Y * k };

    [UnmanagedCallersOnly(EntryPoint = "bare_example_sum")]
    public static ulong ExampleSum(Example* e) => e->Tiny + e->Normal + e->Small + e->LongValue + e->ShortValue;

    [UnmanagedCallersOnly(EntryPoint = "bare_context_create")]
    public static nint ContextCreate(int initial) => GCHandle.ToIntPtr(GCHandle.Alloc(new Context(initial)));

    [UnmanagedCallersOnly(EntryPoint = "bare_context_to_upper")]
    public static int ContextToUpper(nint ctx)
    {
        ((Context)GCHandle.FromIntPtr(ctx).Target!).State = 1;
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "bare_context_is_upper")]
    public static int ContextIsUpper(nint ctx, byte* @out)
    {
        *@out = ((Context)GCHandle.FromIntPtr(ctx).Target!).State == 1 ? (byte)1 : (byte)0;
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "bare_context_text")]
    public static int ContextText(nint ctx, byte* buf, nuint len, nuint* required)
    {
        byte[] text = ((Context)GCHandle.FromIntPtr(ctx).Target!).Text;
        if (required != null)
        {
            *required = (nuint)text.Length + 1;
        }

        if (len < (nuint)text.Length + 1)
        {
            return 4;
        }

        text.CopyTo(new Span<byte>(buf, text.Length));
        buf[text.Length] = 0;
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "bare_context_free")]
    public static void ContextFree(nint ctx) => GCHandle.FromIntPtr(ctx).Free();

    [UnmanagedCallersOnly(EntryPoint = "bare_map_i32")]
    public static int MapI32(int* input, int* output, nuint n, delegate* unmanaged<void*, int, int> fn, void* userData)
    {
        for (nuint i = 0; i < n; i++)
        {
            output[i] = fn(userData, input[i]);
        }

        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "bare_utf8_to_utf16")]
    public static int Utf8ToUtf16(byte* s, nuint len, char* output, nuint outLen, nuint* required)
    {
        var source = new ReadOnlySpan<byte>(s, checked((int)len));
        int count = Encoding.UTF8.GetCharCount(source);
        *required = (nuint)count + 1;
        if (outLen < (nuint)count + 1)
        {
            return 4;
        }

        Encoding.UTF8.GetChars(source, new Span<char>(output, count));
        output[count] = '\0';
        return 0;
    }

    /// <summary>Only from the initial state: System.IO.Hashing cannot continue from a crc value.</summary>
    [UnmanagedCallersOnly(EntryPoint = "bare_crc32")]
    public static uint Crc32Of(uint crc, byte* data, nuint len) => Crc32.HashToUInt32(new ReadOnlySpan<byte>(data, checked((int)len)));

    [UnmanagedCallersOnly(EntryPoint = "bare_xxh3_64")]
    public static ulong Xxh3(byte* data, nuint len, ulong seed) => XxHash3.HashToUInt64(new ReadOnlySpan<byte>(data, checked((int)len)), (long)seed);
}

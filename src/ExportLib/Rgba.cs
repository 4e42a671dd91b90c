using System;
using System.Runtime.InteropServices;
using ExportLib.Abi;
using HeaderGen;

namespace ExportLib;

/// <summary>An 8-bit-per-channel colour.</summary>
[CName("el_rgba")]
[StructLayout(LayoutKind.Sequential)]
public struct Rgba
{
    public byte r;
    public byte g;
    public byte b;
    public byte a;

    public readonly uint Pack() => r | (uint)g << 8 | (uint)b << 16 | (uint)a << 24;

    public static Rgba Unpack(uint v) => new() { r = (byte)v, g = (byte)(v >> 8), b = (byte)(v >> 16), a = (byte)(v >> 24) };
}

/// <summary>Contract section 3: memory representation.</summary>
public static class RgbaExports
{
    /// <summary>r | g &lt;&lt; 8 | b &lt;&lt; 16 | a &lt;&lt; 24: in little-endian memory, the bytes r, g, b, a.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_rgba_pack))]
    public static uint el_rgba_pack(Rgba c)
    {
        try
        {
            return c.Pack();
        }
        catch (Exception e)
        {
            return Guard.Internal(e, 0u);
        }
    }

    /// <summary>The inverse of el_rgba_pack.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_rgba_unpack))]
    public static Rgba el_rgba_unpack(uint v)
    {
        try
        {
            return Rgba.Unpack(v);
        }
        catch (Exception e)
        {
            return Guard.Internal(e, default(Rgba));
        }
    }
}

using System;
using System.Runtime.InteropServices;
using ExportLib.Abi;
using HeaderGen;

namespace ExportLib;

/// <summary>A struct whose C layout has padding after almost every field.</summary>
[CName("el_example")]
[StructLayout(LayoutKind.Sequential)]
public struct Example
{
    public bool tiny;
    public uint normal;
    public byte small;
    public ulong long_value;
    public ushort short_value;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public readonly ulong Sum() => unchecked((tiny ? 1ul : 0ul) + normal + small + long_value + short_value);
}

/// <summary>A point in the plane.</summary>
[CName("el_point")]
[StructLayout(LayoutKind.Sequential)]
public struct Point
{
    public double x;
    public double y;
}

/// <summary>Contract section 4: layout, alignment and padding.</summary>
public static unsafe class LayoutExports
{
    /// <summary>Builds an el_example (a 32-byte struct returned by value).</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_example_make))]
    public static Example el_example_make(bool tiny, uint normal, byte small, ulong long_value, ushort short_value)
    {
        try
        {
            return new Example { tiny = tiny, normal = normal, small = small, long_value = long_value, short_value = short_value };
        }
        catch (Exception e)
        {
            return Guard.Internal(e, default(Example));
        }
    }

    /// <summary>tiny + normal + small + long_value + short_value, wrapping; 0 for NULL.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_example_sum))]
    public static ulong el_example_sum([Const] Example* e)
    {
        try
        {
            return e == null ? 0 : e->Sum();
        }
        catch (Exception ex)
        {
            return Guard.Internal(ex, 0ul);
        }
    }

    /// <summary>The point with both coordinates multiplied by k.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_point_scale))]
    public static Point el_point_scale(Point p, double k)
    {
        try
        {
            return new Point { x = p.x * k, y = p.y * k };
        }
        catch (Exception e)
        {
            return Guard.Internal(e, default(Point));
        }
    }
}

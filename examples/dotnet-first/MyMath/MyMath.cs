using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HeaderGen;

[assembly: DisableRuntimeMarshalling]
[assembly: CPrefix("mm_")]

namespace MyMath;

/// <summary>A 2-D vector.</summary>
public struct Vec2
{
    public double X;
    public double Y;
}

/// <summary>How to round.</summary>
public enum Rounding
{
    Down = 0,
    Nearest = 1,
    Up = 2,
}

/// <summary>An accumulator, owned by C through its handle.</summary>
[COpaque]
public struct Accumulator
{
}

/// <summary>Called for each value; a non-zero result stops the walk.</summary>
public unsafe delegate int Visit(void* userData, double value);

public static unsafe class Api
{
    /// <summary>The library's answer, as a data symbol.</summary>
    [CData("mm_answer")]
    public const int Answer = 42;

    /// <summary>A C-visible global that C code may change; C# reads it (a plain aligned int: read it, don't rely on ordering).</summary>
    [CData("mm_scale", Mutable = true)]
    public const int InitialScale = 1;

    [DllImport("ExportLib.Data", EntryPoint = "mm_scale__address")]
    private static extern int* ScaleAddress();

    private static readonly Dictionary<nint, List<double>> Accumulators = new();
    private static nint _next = 1;

    [UnmanagedCallersOnly(EntryPoint = "mm_add")]
    public static int Add(int a, int b) => a + b;

    /// <summary>a + b, times the global mm_scale.</summary>
    [UnmanagedCallersOnly(EntryPoint = "mm_vec2_add")]
    public static Vec2 Vec2Add(Vec2 a, Vec2 b) => new() { X = (a.X + b.X) * *ScaleAddress(), Y = (a.Y + b.Y) * *ScaleAddress() };

    /// <summary>The width of a range whose struct is defined in MyMath.Extra.</summary>
    [UnmanagedCallersOnly(EntryPoint = "mm_range_width")]
    public static int RangeWidth(MyMath.Extra.Range range) => range.Hi - range.Lo;

    [UnmanagedCallersOnly(EntryPoint = "mm_round")]
    public static long Round(double value, Rounding mode) => mode switch
    {
        Rounding.Down => (long)Math.Floor(value),
        Rounding.Up => (long)Math.Ceiling(value),
        _ => (long)Math.Round(value),
    };

    [UnmanagedCallersOnly(EntryPoint = "mm_accumulator_new")]
    public static Accumulator* AccumulatorNew()
    {
        lock (Accumulators)
        {
            nint id = _next++;
            Accumulators[id] = new List<double>();
            return (Accumulator*)id;
        }
    }

    /// <summary>Adds a value; 0 on success, -1 for an unknown handle.</summary>
    [UnmanagedCallersOnly(EntryPoint = "mm_accumulator_push")]
    public static int AccumulatorPush(Accumulator* accumulator, double value)
    {
        lock (Accumulators)
        {
            if (!Accumulators.TryGetValue((nint)accumulator, out var values))
            {
                return -1;
            }

            values.Add(value);
            return 0;
        }
    }

    /// <summary>Calls visit for each value in order; returns how many were visited.</summary>
    [UnmanagedCallersOnly(EntryPoint = "mm_accumulator_walk")]
    public static int AccumulatorWalk(Accumulator* accumulator, [CCallback(typeof(Visit))] delegate* unmanaged<void*, double, int> visit, void* userData)
    {
        double[] values;
        lock (Accumulators)
        {
            if (!Accumulators.TryGetValue((nint)accumulator, out var list))
            {
                return -1;
            }

            values = list.ToArray();
        }

        int visited = 0;
        foreach (double value in values)
        {
            visited++;
            if (visit(userData, value) != 0)
            {
                break;
            }
        }

        return visited;
    }

    [UnmanagedCallersOnly(EntryPoint = "mm_accumulator_free")]
    public static void AccumulatorFree(Accumulator* accumulator)
    {
        lock (Accumulators)
        {
            Accumulators.Remove((nint)accumulator);
        }
    }
}

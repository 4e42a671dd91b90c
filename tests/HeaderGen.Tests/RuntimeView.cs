using System;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HeaderGen.Tests;

/// <summary>The .NET runtime's own layout of a loaded type: the view HeaderGen's computed layout must equal.</summary>
internal static class RuntimeView
{
    public static int Size(Type type) => (int)typeof(RuntimeView).GetMethod(nameof(SizeOf), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type).Invoke(null, null)!;

    public static int Align(Type type) => (int)typeof(RuntimeView).GetMethod(nameof(AlignOf), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type).Invoke(null, null)!;

    public static int Offset(Type type, string field) => (int)Marshal.OffsetOf(type, field);

    private static int SizeOf<T>() => Unsafe.SizeOf<T>();

    private static int AlignOf<T>()
    {
        var probe = default(Probe<T>);
        return (int)Unsafe.ByteOffset(ref Unsafe.As<Probe<T>, byte>(ref probe), ref Unsafe.As<T, byte>(ref probe.Value!));
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Probe<T>
    {
        public byte Pad;
        public T Value;
    }
}

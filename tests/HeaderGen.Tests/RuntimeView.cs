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

    /// <summary>
    /// Where the runtime really puts a field: the distance `ldflda` yields. Marshal.OffsetOf answers with the
    /// marshalling layout instead (bool as a 4-byte BOOL), even under DisableRuntimeMarshalling.
    /// </summary>
    public static int Offset(Type type, string field)
    {
        var info = type.GetField(field, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            ?? throw new ArgumentException($"{type} has no field {field}");
        var method = new System.Reflection.Emit.DynamicMethod($"OffsetOf_{type.Name}_{field}", typeof(int), Type.EmptyTypes, typeof(RuntimeView).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        var local = il.DeclareLocal(type);
        il.Emit(System.Reflection.Emit.OpCodes.Ldloca, local);
        il.Emit(System.Reflection.Emit.OpCodes.Ldflda, info);
        il.Emit(System.Reflection.Emit.OpCodes.Ldloca, local);
        il.Emit(System.Reflection.Emit.OpCodes.Sub);
        il.Emit(System.Reflection.Emit.OpCodes.Conv_I4);
        il.Emit(System.Reflection.Emit.OpCodes.Ret);
        return (int)method.Invoke(null, null)!;
    }

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

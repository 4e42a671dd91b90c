// Packing, explicit sizes, explicit layouts (a union, and a struct with padding), nested structs.
[assembly: CPrefix("ly_")]
[StructLayout(LayoutKind.Sequential, Pack = 1)] public struct Packed { public byte Tag; public int Value; }
[StructLayout(LayoutKind.Sequential, Pack = 2)] public struct Pack2 { public byte Tag; public long Value; }
[StructLayout(LayoutKind.Sequential, Size = 16)] public struct Sized { public int Value; }
[StructLayout(LayoutKind.Explicit)] public struct Either { [FieldOffset(0)] public int AsInt; [FieldOffset(0)] public float AsFloat; }
[StructLayout(LayoutKind.Explicit)] public struct Gappy { [FieldOffset(0)] public byte A; [FieldOffset(8)] public long B; }
public struct Outer { public Inner In; public Either Value; }
public struct Inner { public short X; public double Y; }
public static class Api
{
    [UnmanagedCallersOnly(EntryPoint = "ly_use")]
    public static void Use(Packed a, Pack2 b, Sized c, Either d, Gappy e, Outer f) { }
}

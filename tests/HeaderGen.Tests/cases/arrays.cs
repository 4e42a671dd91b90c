// Fixed buffers and [InlineArray]: C arrays in fields, a struct around the array by value.
[assembly: CPrefix("ar_")]
[InlineArray(3)] public struct Triple { private float _element0; }
public unsafe struct Record { public fixed byte Name[8]; public Triple Weights; public int Count; }
public static unsafe class Api
{
    [UnmanagedCallersOnly(EntryPoint = "ar_sum")] public static float Sum(Triple t) => 0;
    [UnmanagedCallersOnly(EntryPoint = "ar_fill")] public static void Fill(Record* r, Triple* into) { }
}

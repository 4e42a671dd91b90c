// Every primitive width, as parameters and results.
[assembly: CPrefix("pr_")]
public static class Api
{
    [UnmanagedCallersOnly(EntryPoint = "pr_all")]
    public static double All(sbyte a, byte b, short c, ushort d, int e, uint f, long g, ulong h, float i, double j, nint k, nuint l, bool m, char n) => 0;

    [UnmanagedCallersOnly(EntryPoint = "pr_byte")] public static byte Byte() => 0;
    [UnmanagedCallersOnly(EntryPoint = "pr_nothing")] public static void Nothing() { }
}

using System.Runtime.InteropServices;

namespace MyMath.Extra;

/// <summary>A closed interval of integers.</summary>
public struct Range
{
    public int Lo;
    public int Hi;
}

public static class ExtraApi
{
    [UnmanagedCallersOnly(EntryPoint = "mm_extra_twice")]
    public static int Twice(int x) => 2 * x;
}

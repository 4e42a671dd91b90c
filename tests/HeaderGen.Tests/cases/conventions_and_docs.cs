// Calling conventions through the header's macros, and XML documentation as C comments.
[assembly: CPrefix("cv_")]
/// <summary>A 2-D point.</summary>
public struct Point
{
    /// <summary>Across.</summary>
    public int X;
    /// <summary>Down.</summary>
    public int Y;
}
public static class Api
{
    /// <summary>Adds two points.</summary>
    /// <param name="a">The first.</param>
    /// <param name="b">The second.</param>
    /// <returns>Their sum.</returns>
    [UnmanagedCallersOnly(EntryPoint = "cv_add", CallConvs = new[] { typeof(System.Runtime.CompilerServices.CallConvCdecl) })]
    public static Point Add(Point a, Point b) => default;

    [UnmanagedCallersOnly(EntryPoint = "cv_std", CallConvs = new[] { typeof(System.Runtime.CompilerServices.CallConvStdcall) })]
    public static int Std(int x) => x;
}

// no-DisableRuntimeMarshalling
// Ordinary C#, written without HeaderGen in mind: no annotation, no DisableRuntimeMarshalling.
namespace Plain;
public struct Sample { public double Value; public delegate* unmanaged<double, double> Transform; }
public static unsafe class Api
{
    [UnmanagedCallersOnly(EntryPoint = "plain_walk")]
    public static int Walk(Sample* samples, nuint count, delegate* unmanaged<void*, Sample*, int> visit, void* user) => 0;

    [UnmanagedCallersOnly(EntryPoint = "plain_name")]
    public static int Name(char* utf16, byte* utf8, bool* found) => 0;

    [UnmanagedCallersOnly]
    public static int Callback(int x) => x;
}

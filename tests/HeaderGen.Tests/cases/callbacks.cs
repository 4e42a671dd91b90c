// Function pointers: named by [CCallback] delegates, and unnamed ones named after their use (parameter, field,
// result, a callback's own callback parameter), with calling conventions.
[assembly: CPrefix("cb_")]
public unsafe delegate int Visitor(void* user, int value);
public unsafe struct Hooks { public delegate* unmanaged<int, void> OnExit; [CCallback(typeof(Visitor))] public delegate* unmanaged<void*, int, int> Visit; }
public static unsafe class Api
{
    [UnmanagedCallersOnly(EntryPoint = "cb_walk")]
    public static int Walk([CCallback(typeof(Visitor))] delegate* unmanaged<void*, int, int> visit, void* user) => 0;

    [UnmanagedCallersOnly(EntryPoint = "cb_each")]
    public static void Each(delegate* unmanaged[Cdecl]<void*, delegate* unmanaged<int, int>, int> each, Hooks* hooks) { }

    [UnmanagedCallersOnly(EntryPoint = "cb_pick")]
    public static delegate* unmanaged[Stdcall]<double, double> Pick(int which) => null;
}

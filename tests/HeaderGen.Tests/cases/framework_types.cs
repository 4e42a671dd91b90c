// Framework value types with a fixed layout: System.Guid, CLong, CULong, NFloat.
[assembly: CPrefix("fw_")]
public static unsafe class Api
{
    [UnmanagedCallersOnly(EntryPoint = "fw_new_id")] public static int NewId(System.Guid* id) => 0;
    [UnmanagedCallersOnly(EntryPoint = "fw_sizes")] public static CLong Sizes(CULong a, NFloat b) => default;
}

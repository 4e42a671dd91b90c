// Naming: [CName], keyword and type-name renames (with warnings HG0053), record-struct properties, backing fields.
[assembly: CPrefix("nm_")]
[CName("nm_renamed")] public struct Original { [CName("field_renamed")] public int F; public int @class; }
public readonly record struct Size(int Width, int Height);
public struct Auto { public int Value { get; set; } }
public static class Api
{
    [UnmanagedCallersOnly(EntryPoint = "nm_use")]
    public static int Use(Original @default, Size nm_size, Auto a) => 0;
}

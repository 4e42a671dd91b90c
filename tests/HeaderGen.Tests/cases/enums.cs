// Enums of every width (a C enum where it can be, a typedef and macros otherwise), flags, [CEnumPrefix].
[assembly: CPrefix("en_")]
public enum Color { Red, Green, Blue }
public enum Tiny : byte { Low = 1, High = 255 }
public enum Wide : long { Min = long.MinValue, Max = long.MaxValue }
public enum Huge : ulong { Top = ulong.MaxValue }
[Flags] public enum Access : uint { None = 0, Read = 1, Write = 2, Exec = 0x80000000 }
[Flags] public enum Small : ushort { A = 1, B = 0x8000 }
[CEnumPrefix("EN_R_")] public enum Result { Ok, Failed = -1 }
public static class Api
{
    [UnmanagedCallersOnly(EntryPoint = "en_use")]
    public static Result Use(Color c, Tiny t, Wide w, Huge h, Access a, Small s) => Result.Ok;
}

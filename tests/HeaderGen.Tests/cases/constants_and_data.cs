// [CConstants] become macros with typed literals; [CData] constants become data symbols (read-only and mutable).
[assembly: CPrefix("cd_")]
[CConstants]
public static class Limits
{
    public const int MaxItems = 256;
    public const long Big = 1L << 40;
    public const uint Mask = 0xFFFF0000;
    public const double Ratio = 0.1;
    public const float Half = 0.5f;
    public const string Name = "limits \"v1\"";
    public const bool Enabled = true;
}
public static class Api
{
    [CData("cd_build_number")] public const uint BuildNumber = 42;
    [CData(Mutable = true)] public const int LogLevel = 2;
    [CData] public const string BuildName = "nightly";
    [UnmanagedCallersOnly(EntryPoint = "cd_ping")] public static int Ping() => 0;
}

// [SupportedOSPlatform]/[UnsupportedOSPlatform] (method, class, assembly) become #if guards; an unknown platform is
// warned about (HG0037) and not guarded for.
[assembly: CPrefix("pl_")]
public static class Api
{
    [UnmanagedCallersOnly(EntryPoint = "pl_everywhere")] public static int Everywhere() => 0;

    [System.Runtime.Versioning.SupportedOSPlatform("windows10.0.17763")]
    [UnmanagedCallersOnly(EntryPoint = "pl_windows")] public static int Windows() => 0;

    [System.Runtime.Versioning.SupportedOSPlatform("linux"), System.Runtime.Versioning.SupportedOSPlatform("macos")]
    [UnmanagedCallersOnly(EntryPoint = "pl_unix")] public static int Unix() => 0;

    [System.Runtime.Versioning.UnsupportedOSPlatform("android")]
    [UnmanagedCallersOnly(EntryPoint = "pl_not_android")] public static int NotAndroid() => 0;

    [System.Runtime.Versioning.SupportedOSPlatform("browser")]
    [UnmanagedCallersOnly(EntryPoint = "pl_browser")] public static int Browser() => 0;
}

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public static class LinuxOnly
{
    [UnmanagedCallersOnly(EntryPoint = "pl_linux_class")] public static int FromClass() => 0;
}

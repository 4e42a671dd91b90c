using System.Threading;

namespace ExportLib.Abi;

/// <summary>The process-wide debug flag: when on, every failure is also reported at <c>EL_LOG_DEBUG</c>.</summary>
internal static class DebugFlag
{
    private static int s_on;

    public static bool On
    {
        get => Volatile.Read(ref s_on) != 0;
        set => Volatile.Write(ref s_on, value ? 1 : 0);
    }
}

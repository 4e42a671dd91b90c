using System.Threading;

namespace ExportLib.Abi;

/// <summary>Touches what the first real calls would otherwise initialise lazily.</summary>
internal static class WarmUp
{
    private static int s_done;

    public static void Run()
    {
        if (Interlocked.Exchange(ref s_done, 1) != 0)
        {
            return;
        }

        _ = StatusNames.Of(Status.Ok);
        _ = ErrorSlot.LastStatus;
        _ = TypeLayouts.Count;
    }
}

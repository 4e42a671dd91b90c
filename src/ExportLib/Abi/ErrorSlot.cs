using System;
using System.Threading;

namespace ExportLib.Abi;

/// <summary>
/// The calling thread's last failure, errno style: a failure replaces it, success leaves it alone, reading it
/// never changes it.
/// </summary>
internal static class ErrorSlot
{
    [ThreadStatic] private static Status t_status;
    [ThreadStatic] private static string? t_message;

    public static Status LastStatus => t_status;

    public static string LastMessage => t_message ?? string.Empty;

    public static void Clear()
    {
        t_status = Status.Ok;
        t_message = null;
    }

    public static void Record(Status status, string function, string detail, Exception? exception = null)
    {
        string message = $"{function}: {detail}";
        t_status = status;
        t_message = message;

        if (!LogSink.IsSet)
        {
            return;
        }

        string name = StatusNames.Of(status);
        LogSink.Write(LogLevel.Warn, $"{function} failed with {name}: {detail}");
        if (DebugFlag.On)
        {
            string where = $"{function} failed with {name} on thread {Environment.CurrentManagedThreadId}: {detail}";
            LogSink.Write(LogLevel.Debug, exception is null ? where : $"{where}\n{exception}");
        }

        // The callback may itself have called into the library and failed; the caller must still see this failure.
        t_status = status;
        t_message = message;
    }
}

using System;
using System.Runtime.CompilerServices;

namespace ExportLib.Abi;

/// <summary>
/// The one way an export reports failure. Every export's body is
/// <c>try { ... } catch (Exception e) { return Guard.Internal(e); }</c>, so no managed exception reaches C
/// (the runtime would abort the process), and every failure is recorded and logged the same way.
/// The function name is the export's C name: export methods are named after their entry points.
/// </summary>
internal static class Guard
{
    public static Status Fail(Status status, string detail, [CallerMemberName] string function = "")
    {
        ErrorSlot.Record(status, function, detail);
        return status;
    }

    public static Status Null(string argument, [CallerMemberName] string function = "")
        => Fail(Status.ErrNullArgument, $"argument '{argument}' is NULL", function);

    public static Status InvalidHandle(string argument, string expected, [CallerMemberName] string function = "")
        => Fail(Status.ErrInvalidHandle, $"argument '{argument}' is not a live {expected} handle", function);

    /// <summary>
    /// The one rule of every el_X_free: NULL does nothing; a freed, foreign or never-issued handle does nothing but
    /// record EL_ERR_INVALID_HANDLE; otherwise the handle is freed (true) and its target and last state are given to
    /// the caller to finish.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool FreeHandle(nint handle, HandleKind kind, string argument, string cType, out object? target, out uint state, [CallerMemberName] string function = "")
    {
        if (handle == 0)
        {
            target = null;
            state = 0;
            return false;
        }

        if (!HandleTable.Remove(handle, kind, out target, out state))
        {
            InvalidHandle(argument, cType, function);
            return false;
        }

        return true;
    }

    public static Status Internal(Exception exception, [CallerMemberName] string function = "")
    {
        var status = exception is OutOfMemoryException or InsufficientExecutionStackException
            ? Status.ErrOutOfMemory
            : Status.ErrInternal;
        try
        {
            ErrorSlot.Record(status, function, $"unexpected {exception.GetType().Name}: {exception.Message}", exception);
        }
        catch
        {
            // Recording failed too (out of memory): the status alone must still reach the caller.
        }

        return status;
    }

    /// <summary>For exports whose result is not a status: record the failure and return the fallback value.</summary>
    public static T Internal<T>(Exception exception, T fallback, [CallerMemberName] string function = "")
    {
        Internal(exception, function);
        return fallback;
    }
}

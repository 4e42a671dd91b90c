using System;
using System.Runtime.InteropServices;
using ExportLib.Abi;
using HeaderGen;

namespace ExportLib;

/// <summary>Receives the library's log messages; the message is valid only during the call.</summary>
[CName("el_log_fn")]
public unsafe delegate void LogFn(void* user_data, LogLevel level, [CType("const char*")] byte* message);

/// <summary>Maps one element for el_map_i32.</summary>
[CName("el_map_fn")]
public unsafe delegate int MapFn(void* user_data, int x);

/// <summary>Contract section 9: callbacks.</summary>
public static unsafe class CallbackExports
{
    /// <summary>
    /// Sets the process-wide log callback (NULL turns logging off). When this returns, the previous callback runs on
    /// no other thread and will not be called again, so its user_data may be freed.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_set_log_callback))]
    [CRetainsCallback]
    public static Status el_set_log_callback([CCallback(typeof(LogFn))] delegate* unmanaged<void*, LogLevel, byte*, void> fn, void* user_data)
    {
        try
        {
            LogSink.Set(fn, user_data);
            return Status.Ok;
        }
        catch (Exception e)
        {
            return Guard.Internal(e);
        }
    }

    /// <summary>out[i] = fn(user_data, in[i]) in order; in == out is allowed; n == 0 allows NULL arrays; fn is required.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_map_i32))]
    public static Status el_map_i32([Const, CLength(nameof(n))] int* @in, [CLength(nameof(n))] int* @out, [CType("size_t")] nuint n, [CCallback(typeof(MapFn))] delegate* unmanaged<void*, int, int> fn, void* user_data)
    {
        try
        {
            if (fn == null)
            {
                return Guard.Null(nameof(fn));
            }

            if (n != 0 && @in == null)
            {
                return Guard.Null("in");
            }

            if (n != 0 && @out == null)
            {
                return Guard.Null("out");
            }

            for (nuint i = 0; i < n; i++)
            {
                @out[i] = fn(user_data, @in[i]);
            }

            return Status.Ok;
        }
        catch (Exception e)
        {
            return Guard.Internal(e);
        }
    }
}

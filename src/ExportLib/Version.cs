using System;
using System.Runtime.InteropServices;
using ExportLib.Abi;
using HeaderGen;

namespace ExportLib;

/// <summary>Contract section 2: version, warm-up and the debug flag.</summary>
[CConstants]
public static unsafe class Version
{
    public const int Major = 1;
    public const int Minor = 0;
    public const int Patch = 0;

    /// <summary>MAJOR &lt;&lt; 16 | MINOR &lt;&lt; 8 | PATCH as a data symbol, readable before any call; equal to el_version().</summary>
    [CData("el_version_number")]
    public const uint VersionNumber = Major << 16 | Minor << 8 | Patch;

    /// <summary>MAJOR &lt;&lt; 16 | MINOR &lt;&lt; 8 | PATCH, equal to the header's EL_VERSION_* macros.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_version))]
    public static uint el_version()
    {
        try
        {
            return VersionNumber;
        }
        catch (Exception e)
        {
            return Guard.Internal(e, 0u);
        }
    }

    /// <summary>"MAJOR.MINOR.PATCH", static.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_version_string))]
    [return: CType("const char*")]
    public static byte* el_version_string()
    {
        try
        {
            return StaticText.Pointer("1.0.0\0"u8);
        }
        catch (Exception e)
        {
            Guard.Internal(e);
            return StaticText.Pointer("\0"u8);
        }
    }

    /// <summary>
    /// Optional warm-up: the first call into the library starts the runtime; calling this pays that cost at a
    /// moment the caller chooses. Idempotent and thread-safe.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_init))]
    public static Status el_init()
    {
        try
        {
            WarmUp.Run();
            return Status.Ok;
        }
        catch (Exception e)
        {
            return Guard.Internal(e);
        }
    }

    /// <summary>The process-wide debug flag (off at start).</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_get_debug))]
    public static bool el_get_debug()
    {
        try
        {
            return DebugFlag.On;
        }
        catch (Exception e)
        {
            return Guard.Internal(e, false);
        }
    }

    /// <summary>
    /// Diagnostic: how many handles (contexts, sub-objects, event loops) and library-allocated strings are live.
    /// A program that freed everything it created sees 0.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_debug_live_handles))]
    [return: CType("size_t")]
    public static nuint el_debug_live_handles()
    {
        try
        {
            return (nuint)(HandleTable.LiveCount + OwnedStrings.LiveCount);
        }
        catch (Exception e)
        {
            return Guard.Internal(e, nuint.MaxValue);
        }
    }

    /// <summary>Does nothing: the cost of calling it is the cost of crossing into the library (the benchmarks' floor).</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_debug_noop))]
    public static void el_debug_noop()
    {
        try
        {
        }
        catch (Exception e)
        {
            Guard.Internal(e);
        }
    }

    /// <summary>While on, every failing call is also reported at EL_LOG_DEBUG through the log callback.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_set_debug))]
    public static void el_set_debug(bool on)
    {
        try
        {
            DebugFlag.On = on;
        }
        catch (Exception e)
        {
            Guard.Internal(e);
        }
    }
}

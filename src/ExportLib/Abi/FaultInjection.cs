using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.IO;
using System.Text;
using System.Threading;
using Microsoft.Win32.SafeHandles;

namespace ExportLib.Abi;

/// <summary>
/// A test switch, read once at start-up from the environment and documented in the README: with
/// <c>EXPORTLIB_FAULT_INJECTION=internal:N</c> (or <c>oom:N</c>) the N-th allocation the library makes on C's behalf
/// (a handle, or a string it returns), counted from start-up, throws an InvalidOperationException (or an
/// OutOfMemoryException) from inside the export, so the guarded path runs for real. Unset, it costs one load of a
/// zero field per allocation and adds no symbol.
/// </summary>
internal static class FaultInjection
{
    public const string Variable = "EXPORTLIB_FAULT_INJECTION";

    // Plain fields set by the module initializer: no static constructor, so no lazy-initialisation check on the hot path.
    private static int s_kind;
    private static long s_countdown;

    // A library's module initializer is exactly right here: Native AOT runs it when the runtime starts, before any
    // export, which is the "read at start-up" the switch promises.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void ReadSwitch()
    {
        // A module initializer that threw would end the process at start-up: nothing here may.
        try
        {
            string? value = Environment.GetEnvironmentVariable(Variable);
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            string[] parts = value.Split(':');
            int kind = parts[0] switch { "internal" => 1, "oom" => 2, _ => 0 };
            if (kind == 0 || parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long n) || n < 1)
            {
                // A misspelt switch must not pass for "no faults": say so on stderr, once, and inject nothing.
                Complain($"exportlib: ignoring {Variable}={value}: expected internal:N or oom:N with N >= 1\n");
                return;
            }

            s_countdown = n;
            s_kind = kind;
        }
        catch
        {
        }
    }

    // Straight to file descriptor 2: System.Console would add about 200 KB to every shipped library for this one line.
    private static void Complain(string message)
    {
        using var stderr = new FileStream(new SafeFileHandle(2, ownsHandle: false), FileAccess.Write, 1);
        stderr.Write(Encoding.UTF8.GetBytes(message));
    }

    /// <summary>Called before each allocation made for C; throws when this is the one chosen by the switch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BeforeAllocation()
    {
        if (s_kind != 0)
        {
            Inject();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Inject()
    {
        if (Interlocked.Decrement(ref s_countdown) != 0)
        {
            return;
        }

        if (s_kind == 2)
        {
            throw new OutOfMemoryException($"injected allocation failure ({Variable})");
        }

        throw new InvalidOperationException($"injected fault ({Variable})");
    }
}

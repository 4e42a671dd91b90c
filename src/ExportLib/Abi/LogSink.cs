using System;
using System.Buffers;
using System.Text;
using System.Threading;

namespace ExportLib.Abi;

/// <summary>
/// The process-wide log callback. Replacing it waits until no other thread is still inside the previous one, so
/// the caller may free the previous user data as soon as the setter returns.
/// </summary>
internal static unsafe class LogSink
{
    private sealed class Sink(delegate* unmanaged<void*, LogLevel, byte*, void> fn, void* userData)
    {
        public readonly delegate* unmanaged<void*, LogLevel, byte*, void> Fn = fn;
        public readonly void* UserData = userData;
        public int Active;
    }

    // A callback that fails inside itself would otherwise recurse without end.
    private const int MaxNesting = 8;

    private static Sink? s_current;

    [ThreadStatic] private static Sink?[]? t_inside;
    [ThreadStatic] private static int t_depth;

    public static bool IsSet => Volatile.Read(ref s_current) is not null;

    public static void Set(delegate* unmanaged<void*, LogLevel, byte*, void> fn, void* userData)
    {
        var next = fn == null ? null : new Sink(fn, userData);
        var previous = Interlocked.Exchange(ref s_current, next);
        if (previous is null)
        {
            return;
        }

        // A callback that replaces itself is still running on this thread: wait only for the other threads.
        int own = 0;
        for (int i = 0; i < t_depth; i++)
        {
            if (ReferenceEquals(t_inside![i], previous))
            {
                own++;
            }
        }

        var spin = new SpinWait();
        while (Volatile.Read(ref previous.Active) > own)
        {
            spin.SpinOnce();
        }
    }

    public static void Write(LogLevel level, string message)
    {
        if (t_depth >= MaxNesting)
        {
            return;
        }

        Sink? sink;
        while (true)
        {
            sink = Volatile.Read(ref s_current);
            if (sink is null)
            {
                return;
            }

            Interlocked.Increment(ref sink.Active);
            // Re-check after announcing ourselves: a setter that swapped in between may already have stopped
            // waiting for this sink, so it must not be called any more.
            if (ReferenceEquals(Volatile.Read(ref s_current), sink))
            {
                break;
            }

            Interlocked.Decrement(ref sink.Active);
        }

        var inside = t_inside ??= new Sink?[MaxNesting];
        inside[t_depth++] = sink;
        byte[]? rented = null;
        try
        {
            int max = Encoding.UTF8.GetMaxByteCount(message.Length) + 1;
            Span<byte> utf8 = max <= 512 ? stackalloc byte[max] : (rented = ArrayPool<byte>.Shared.Rent(max));
            int n = Encoding.UTF8.GetBytes(message, utf8);
            utf8[n] = 0;
            fixed (byte* text = utf8)
            {
                sink.Fn(sink.UserData, level, text);
            }
        }
        finally
        {
            inside[--t_depth] = null;
            Interlocked.Decrement(ref sink.Active);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}

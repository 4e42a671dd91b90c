using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;
using ExportLib.Abi;
using HeaderGen;

namespace ExportLib;

/// <summary>What an event is.</summary>
[CName("el_event_kind")]
[CEnumPrefix("EL_EVENT_")]
public enum EventKind : int
{
    Tick = 0,
    Message = 1,
    Quit = 2,
}

/// <summary>One event; sequence numbers start at 1 and follow the order of posting.</summary>
[CName("el_event")]
[StructLayout(LayoutKind.Sequential)]
public struct Event
{
    public EventKind kind;
    public ulong sequence;
    public long value;
}

/// <summary>The C handle type of an event loop.</summary>
[CName("el_event_loop")]
[COpaque]
public struct EventLoopHandle;

/// <summary>Called by el_event_loop_drain for each event; a non-zero result stops the drain after this event.</summary>
[CName("el_event_fn")]
public unsafe delegate int EventFn(void* user_data, [Const] Event* ev);

/// <summary>
/// A FIFO of events that belongs to the thread that started it: only that thread takes events out, any thread
/// may post. The queue's lock is never held while a callback runs, so callbacks may post, take or drain.
/// </summary>
internal sealed class EventQueue(Thread owner)
{
    private readonly Lock _gate = new();
    private readonly Queue<Event> _events = new();
    private ulong _lastSequence;

    // The Thread object, not its id: ids are reused once a thread ends, objects are not.
    public Thread Owner { get; } = owner;

    public bool IsOwnedByCaller => ReferenceEquals(Thread.CurrentThread, Owner);

    public void Post(EventKind kind, long value)
    {
        lock (_gate)
        {
            _events.Enqueue(new Event { kind = kind, sequence = ++_lastSequence, value = value });
        }
    }

    public ulong LastSequence
    {
        get
        {
            lock (_gate)
            {
                return _lastSequence;
            }
        }
    }

    /// <summary>Takes the oldest event, if there is one whose sequence is at most <paramref name="maxSequence"/>.</summary>
    public bool TryTake(ulong maxSequence, out Event ev)
    {
        lock (_gate)
        {
            if (_events.TryPeek(out ev) && ev.sequence <= maxSequence)
            {
                _events.Dequeue();
                return true;
            }

            return false;
        }
    }
}

/// <summary>Contract section 8: a single-threaded event loop.</summary>
public static unsafe class EventLoopExports
{
    private static EventQueue? Loop(EventLoopHandle* loop) => HandleTable.Get((nint)loop, HandleKind.EventLoop) as EventQueue;

    /// <summary>A new event loop owned by the calling thread.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_event_loop_start))]
    public static Status el_event_loop_start(EventLoopHandle** @out)
    {
        try
        {
            if (@out == null)
            {
                return Guard.Null("out");
            }

            *@out = (EventLoopHandle*)HandleTable.Add(HandleKind.EventLoop, new EventQueue(Thread.CurrentThread));
            return Status.Ok;
        }
        catch (Exception e)
        {
            if (@out != null)
            {
                *@out = null;
            }

            return Guard.Internal(e);
        }
    }

    /// <summary>Queues an event; from any thread.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_event_loop_post))]
    public static Status el_event_loop_post(EventLoopHandle* loop, EventKind kind, long value)
    {
        try
        {
            if (loop == null)
            {
                return Guard.Null(nameof(loop));
            }

            if (kind is not (EventKind.Tick or EventKind.Message or EventKind.Quit))
            {
                return Guard.Fail(Status.ErrInvalidArgument, $"{(int)kind} is not an el_event_kind");
            }

            if (Loop(loop) is not { } queue)
            {
                return Guard.InvalidHandle(nameof(loop), "el_event_loop");
            }

            queue.Post(kind, value);
            return Status.Ok;
        }
        catch (Exception e)
        {
            return Guard.Internal(e);
        }
    }

    /// <summary>Takes the oldest event (FIFO); *has_event is false once the queue is empty, and *out is then unchanged. Owner thread only.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_event_loop_next))]
    [CIteratorNext]
    public static Status el_event_loop_next(EventLoopHandle* loop, Event* @out, bool* has_event)
    {
        try
        {
            if (loop == null)
            {
                return Guard.Null(nameof(loop));
            }

            if (@out == null)
            {
                return Guard.Null("out");
            }

            if (has_event == null)
            {
                return Guard.Null(nameof(has_event));
            }

            if (Loop(loop) is not { } queue)
            {
                return Guard.InvalidHandle(nameof(loop), "el_event_loop");
            }

            if (!queue.IsOwnedByCaller)
            {
                return Guard.Fail(Status.ErrWrongThread, "only the thread that started the loop may take events from it");
            }

            if (queue.TryTake(ulong.MaxValue, out var ev))
            {
                *@out = ev;
                *has_event = true;
            }
            else
            {
                *has_event = false;
            }

            return Status.Ok;
        }
        catch (Exception e)
        {
            return Guard.Internal(e);
        }
    }

    /// <summary>
    /// Calls fn for each event queued when the drain started, in order, stopping after the first for which fn returns
    /// non-zero (that event is consumed and counted). Events posted during the drain, and the rest, stay queued.
    /// Owner thread only; visited may be NULL.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_event_loop_drain))]
    public static Status el_event_loop_drain(
        EventLoopHandle* loop,
        [CCallback(typeof(EventFn)), CCallbackErrorResult(1)] delegate* unmanaged<void*, Event*, int> fn,
        void* user_data,
        [CType("size_t*")] nuint* visited)
    {
        try
        {
            if (loop == null)
            {
                return Guard.Null(nameof(loop));
            }

            if (fn == null)
            {
                return Guard.Null(nameof(fn));
            }

            if (Loop(loop) is not { } queue)
            {
                return Guard.InvalidHandle(nameof(loop), "el_event_loop");
            }

            if (!queue.IsOwnedByCaller)
            {
                return Guard.Fail(Status.ErrWrongThread, "only the thread that started the loop may drain it");
            }

            ulong limit = queue.LastSequence;
            nuint count = 0;
            // Stops when the loop is freed from inside the callback, too: its handle is then no longer live.
            while (Loop(loop) is not null && queue.TryTake(limit, out var ev))
            {
                count++;
                if (fn(user_data, &ev) != 0)
                {
                    break;
                }
            }

            if (visited != null)
            {
                *visited = count;
            }

            return Status.Ok;
        }
        catch (Exception e)
        {
            return Guard.Internal(e);
        }
    }

    /// <summary>Frees the loop and its queued events; from any thread. NULL does nothing; an invalid handle is recorded.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_event_loop_free))]
    public static void el_event_loop_free(EventLoopHandle* loop)
    {
        try
        {
            Guard.FreeHandle((nint)loop, HandleKind.EventLoop, nameof(loop), "el_event_loop", out _, out _);
        }
        catch (Exception e)
        {
            Guard.Internal(e);
        }
    }
}

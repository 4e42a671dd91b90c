using System.Runtime.CompilerServices;
using System.Threading;

namespace ExportLib.Abi;

/// <summary>The kinds of object C holds handles to; a handle of one kind is never accepted as another.</summary>
internal enum HandleKind : byte
{
    Context = 1,
    Subobject = 2,
    EventLoop = 3,
}

/// <summary>
/// Handles are numbers the library can check, never addresses of managed objects: (slot index + 1) in bits 0-31,
/// the slot's generation in bits 32-55, the kind in bits 56-62. A stale, foreign, double-freed or made-up value
/// fails a comparison and is never dereferenced, and no GCHandle is involved, so none can leak.
/// Nothing here takes a lock in the steady state (only growing the table does): a lock needs the thread's id, a
/// thread-static, and from a shared library every thread-static access is a call to __tls_get_addr. Free slots form
/// a lock-free stack whose head carries a tag against ABA; a slot is freed by a compare-exchange of its stamp, so of
/// two racing frees exactly one wins.
/// </summary>
internal static class HandleTable
{
    private const int ChunkBits = 10;
    private const int ChunkSize = 1 << ChunkBits;
    private const int MaxChunks = 1 << 12;
    private const long GenerationMask = 0xFF_FFFF;

    private struct Slot
    {
        // The handle's upper 32 bits (generation | kind << 24) while live, 0 while free: one value, read and written whole.
        public long Stamp;
        public object? Target;
        public long Generation;

        // While free: the next free slot's index + 1 (0 ends the list).
        public int NextFree;
    }

    // Only statics the compiler can preinitialise live here, so lookups pay no class-constructor check.
    private static readonly Slot[]?[] s_chunks = new Slot[MaxChunks][];
    private static int s_capacity;

    // (tag << 32) | (index of the top free slot + 1); low half 0 = no free slot.
    private static long s_freeHead;

    private static class Growth
    {
        public static readonly Lock Gate = new();
    }

    /// <summary>How many handles are live: a diagnostic, so it scans rather than have every add and free count.</summary>
    public static int LiveCount
    {
        get
        {
            int live = 0;
            int capacity = Volatile.Read(ref s_capacity);
            for (int index = 0; index < capacity; index++)
            {
                if (Volatile.Read(ref SlotAt(index).Stamp) != 0)
                {
                    live++;
                }
            }

            return live;
        }
    }

    public static nint Add(HandleKind kind, object target)
    {
        FaultInjection.BeforeAllocation();
        int index = PopFree();
        if (index < 0)
        {
            index = Grow();
        }

        ref Slot slot = ref SlotAt(index);
        long generation = slot.Generation = (slot.Generation + 1) & GenerationMask;
        long stamp = generation | (long)kind << 24;
        slot.Target = target;
        // Publish the stamp last: a reader that sees it also sees the target.
        Volatile.Write(ref slot.Stamp, stamp);
        return (nint)((long)(index + 1) | stamp << 32);
    }

    private static ref Slot SlotAt(int index) => ref s_chunks[index >> ChunkBits]![index & (ChunkSize - 1)];

    private static int PopFree()
    {
        while (true)
        {
            long head = Volatile.Read(ref s_freeHead);
            int top = (int)head - 1;
            if (top < 0)
            {
                return -1;
            }

            // Another thread may pop and reuse this slot meanwhile; then the tag has moved and the exchange fails.
            int next = Volatile.Read(ref SlotAt(top).NextFree);
            long replacement = ((head >> 32) + 1) << 32 | (uint)next;
            if (Interlocked.CompareExchange(ref s_freeHead, replacement, head) == head)
            {
                return top;
            }
        }
    }

    private static void PushFree(int index)
    {
        while (true)
        {
            long head = Volatile.Read(ref s_freeHead);
            Volatile.Write(ref SlotAt(index).NextFree, (int)head);
            long replacement = ((head >> 32) + 1) << 32 | (uint)(index + 1);
            if (Interlocked.CompareExchange(ref s_freeHead, replacement, head) == head)
            {
                return;
            }
        }
    }

    private static int Grow()
    {
        lock (Growth.Gate)
        {
            int index = s_capacity;
            if (index >= MaxChunks * ChunkSize)
            {
                throw new System.OutOfMemoryException("the handle table is full");
            }

            if ((index & (ChunkSize - 1)) == 0)
            {
                Volatile.Write(ref s_chunks[index >> ChunkBits], new Slot[ChunkSize]);
            }

            // Published after its chunk exists: a reader that sees the index in range finds the chunk.
            Volatile.Write(ref s_capacity, index + 1);
            return index;
        }
    }

    /// <summary>The live object a handle of this kind stands for, or null for anything else.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static object? Get(nint handle, HandleKind kind)
    {
        long value = handle;
        long stamp = (long)((ulong)value >> 32);
        ulong index = (ulong)((value & 0xFFFF_FFFF) - 1);
        if ((stamp >> 24) != (long)kind || index >= (uint)Volatile.Read(ref s_capacity))
        {
            return null;
        }

        ref Slot slot = ref s_chunks[(int)(index >> ChunkBits)]![(int)index & (ChunkSize - 1)];
        if (Volatile.Read(ref slot.Stamp) != stamp)
        {
            return null;
        }

        object? target = Volatile.Read(ref slot.Target);
        // Re-check: had the slot been freed and reused between the two reads, the stamp would differ.
        return Volatile.Read(ref slot.Stamp) == stamp ? target : null;
    }

    /// <summary>Frees a live handle of this kind and returns its object; null (and no change) for anything else.</summary>
    public static object? Remove(nint handle, HandleKind kind)
    {
        if (Get(handle, kind) is not { } target)
        {
            return null;
        }

        int index = (int)((long)handle & 0xFFFF_FFFF) - 1;
        ref Slot slot = ref SlotAt(index);
        long stamp = (long)((ulong)(long)handle >> 32);
        // Of two racing frees, one wins the exchange; the other sees the slot already free.
        if (Interlocked.CompareExchange(ref slot.Stamp, 0, stamp) != stamp)
        {
            return null;
        }

        Volatile.Write(ref slot.Target, null);
        PushFree(index);
        return target;
    }
}

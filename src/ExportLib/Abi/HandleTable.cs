using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
/// <para>
/// A live slot's word holds the handle's upper half (its stamp) in bits 32-63 and 32 bits of the kind's own state in
/// bits 0-31, so a kind can keep small state in the table itself and change it with one compare-exchange that also
/// proves the handle is still live: an alphabet context is nothing but such a word until it needs more.
/// </para>
/// <para>
/// Atomic operations are what a handle's life costs (each drains the store buffer), so a create-use-free cycle takes
/// one each: freeing exchanges the live word for <see cref="Freeing"/> (of two racing frees exactly one wins), then
/// leaves the slot <see cref="Orphan"/> and names it in a hint; the next add claims the hinted orphan with one
/// exchange. Orphans the hint lost (to frees on other threads) are collected by a sweep when the free stack runs dry,
/// which also grows the table when they are few, so the table stays within about 9/7 of its peak of live handles and
/// a sweep's cost is spread over at least capacity / 8 adds.
/// </para>
/// <para>
/// Nothing here takes a lock but the sweep: a lock needs the thread's id, a thread-static, and from a shared library
/// every thread-static access is a call to __tls_get_addr. The free stack is lock-free, its head tagged against ABA.
/// </para>
/// </summary>
internal static class HandleTable
{
    private const int ChunkBits = 10;
    private const int ChunkSize = 1 << ChunkBits;
    private const int MaxChunks = 1 << 12;
    private const int MaxCapacity = MaxChunks * ChunkSize;
    private const int GenerationMask = 0xFF_FFFF;

    /// <summary>The bits of a slot's word that belong to the kind's state.</summary>
    public const long StateMask = 0xFFFF_FFFF;

    // Words of slots that are not live; a live word always has a stamp (the kind is never 0), so none of these is one.
    private const long Stacked = 0;   // on the free stack, or never used
    private const long Orphan = 1;    // freed, claimable by one exchange
    private const long Freeing = 2;   // being freed or being claimed: owned by one thread

    private struct Slot
    {
        // Stamp << 32 | state while live; Stacked, Orphan or Freeing otherwise.
        public long Word;
        public object? Target;
        public int Generation;

        // While stacked: the next stacked slot's index + 1 (0 ends the stack).
        public int NextFree;
    }

    // No static here has an initialiser, so the class has no constructor and lookups pay no check for one. The
    // directory is made by the first growth and published before the capacity that lets readers reach it.
    private static Slot[]?[]? s_chunks;
    private static int s_capacity;

    // (tag << 32) | (index of the top stacked slot + 1); low half 0 = empty.
    private static long s_freeHead;

    // The index + 1 of the slot freed last (0: none yet). Only a hint: whoever claims the slot proves it by exchange.
    private static int s_hint;

    private static class Sweeping
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
                if (Volatile.Read(ref SlotAt(index).Word) >> 32 != 0)
                {
                    live++;
                }
            }

            return live;
        }
    }

    /// <summary>Issues a handle of this kind for the target (which may be null) with the kind's initial state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint Add(HandleKind kind, object? target, uint state = 0)
    {
        FaultInjection.BeforeAllocation();
        int index = ClaimHinted();
        if (index < 0)
        {
            index = ClaimAny();
        }

        // The slot is this thread's alone until its word is published.
        ref Slot slot = ref SlotAt(index);
        int generation = slot.Generation = (slot.Generation + 1) & GenerationMask;
        long stamp = ((long)generation | (long)kind << 24) << 32;
        // A free slot's target is already null, and storing null again would still cost a write barrier.
        if (target is not null)
        {
            slot.Target = target;
        }

        // Publish the word last: a reader that sees it also sees the target.
        Volatile.Write(ref slot.Word, stamp | state);
        return (nint)(stamp | (uint)(index + 1));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ClaimHinted()
    {
        int hint = Volatile.Read(ref s_hint) - 1;
        if (hint < 0)
        {
            return -1;
        }

        ref long word = ref SlotAt(hint).Word;
        return Volatile.Read(ref word) == Orphan && Interlocked.CompareExchange(ref word, Freeing, Orphan) == Orphan ? hint : -1;
    }

    /// <summary>The stamp a live slot's word carries for this handle (its bits outside <see cref="StateMask"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long StampOf(nint handle) => handle & ~StateMask;

    /// <summary>Whether a word read from <see cref="WordOf"/> is the word of this live handle.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLive(long word, nint handle) => word >> 32 != 0 && (word & ~StateMask) == StampOf(handle);

    /// <summary>
    /// The word of the slot a handle of this kind would live in, or a null reference when no slot could hold it.
    /// The caller compares what it reads with <see cref="IsLive"/>, and changes the state only by compare-exchange.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref long WordOf(nint handle, HandleKind kind)
    {
        ref Slot slot = ref SlotOf(handle, kind);
        return ref Unsafe.IsNullRef(ref slot) ? ref Unsafe.NullRef<long>() : ref slot.Word;
    }

    /// <summary>The target field of the slot a handle of this kind would live in, or a null reference (see WordOf).</summary>
    public static ref object? TargetOf(nint handle, HandleKind kind)
    {
        ref Slot slot = ref SlotOf(handle, kind);
        return ref Unsafe.IsNullRef(ref slot) ? ref Unsafe.NullRef<object?>() : ref slot.Target;
    }

    /// <summary>The live object a handle of this kind stands for, or null for anything else.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static object? Get(nint handle, HandleKind kind)
    {
        ref Slot slot = ref SlotOf(handle, kind);
        if (Unsafe.IsNullRef(ref slot) || !IsLive(Volatile.Read(ref slot.Word), handle))
        {
            return null;
        }

        object? target = Volatile.Read(ref slot.Target);
        // Re-check: had the slot been freed and reused between the two reads, the word would differ.
        return IsLive(Volatile.Read(ref slot.Word), handle) ? target : null;
    }

    /// <summary>
    /// Frees a live handle of this kind, giving its target and its last state; false (and no change) for anything else.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Remove(nint handle, HandleKind kind, out object? target, out uint state)
    {
        target = null;
        state = 0;
        ref Slot slot = ref SlotOf(handle, kind);
        if (Unsafe.IsNullRef(ref slot))
        {
            return false;
        }

        while (true)
        {
            long word = Volatile.Read(ref slot.Word);
            if (!IsLive(word, handle))
            {
                return false;
            }

            // Of two racing frees one wins; a state change in between only makes this try again.
            if (Interlocked.CompareExchange(ref slot.Word, Freeing, word) == word)
            {
                state = (uint)word;
                break;
            }
        }

        // Nobody can claim the slot while it is Freeing, so the target read here is the freed handle's.
        object? freed = slot.Target;
        if (freed is not null)
        {
            slot.Target = null;
            target = freed;
        }

        int index = (int)(uint)handle - 1;
        Volatile.Write(ref slot.Word, Orphan);
        Volatile.Write(ref s_hint, index + 1);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref Slot SlotOf(nint handle, HandleKind kind)
    {
        long value = handle;
        ulong index = (ulong)(uint)value - 1;
        if ((ulong)value >> 56 != (ulong)kind || index >= (uint)Volatile.Read(ref s_capacity))
        {
            return ref Unsafe.NullRef<Slot>();
        }

        return ref SlotAt((int)index);
    }

    // The index is below the capacity, whose chunk exists: the bounds are already proven, so none are checked again.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref Slot SlotAt(int index)
    {
        Slot[] chunk = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(s_chunks!), index >> ChunkBits)!;
        return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(chunk), index & (ChunkSize - 1));
    }

    // The slow path of Add: a slot from the free stack, or from a sweep.
    private static int ClaimAny()
    {
        while (true)
        {
            int index = PopFree();
            if (index >= 0)
            {
                return index;
            }

            SweepOrGrow();
        }
    }

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
        ref int next = ref SlotAt(index).NextFree;
        while (true)
        {
            long head = Volatile.Read(ref s_freeHead);
            Volatile.Write(ref next, (int)head);
            long replacement = ((head >> 32) + 1) << 32 | (uint)(index + 1);
            if (Interlocked.CompareExchange(ref s_freeHead, replacement, head) == head)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Stacks every orphan; when they are fewer than an eighth of the table, also adds an eighth (at least 64 slots).
    /// </summary>
    private static void SweepOrGrow()
    {
        lock (Sweeping.Gate)
        {
            // Another thread swept while this one waited.
            if ((int)Volatile.Read(ref s_freeHead) != 0)
            {
                return;
            }

            int capacity = s_capacity;
            int found = 0;
            for (int index = 0; index < capacity; index++)
            {
                ref long word = ref SlotAt(index).Word;
                if (Volatile.Read(ref word) == Orphan && Interlocked.CompareExchange(ref word, Stacked, Orphan) == Orphan)
                {
                    PushFree(index);
                    found++;
                }
            }

            if (found > capacity / 8)
            {
                return;
            }

            int added = System.Math.Min(System.Math.Max(64, capacity / 8), MaxCapacity - capacity);
            if (added == 0)
            {
                if (found == 0)
                {
                    throw new System.OutOfMemoryException("the handle table is full");
                }

                return;
            }

            s_chunks ??= new Slot[MaxChunks][];
            for (int chunk = capacity >> ChunkBits; chunk <= (capacity + added - 1) >> ChunkBits; chunk++)
            {
                s_chunks[chunk] ??= new Slot[ChunkSize];
            }

            // Published after the chunks exist: a reader that sees an index in range finds its chunk.
            Volatile.Write(ref s_capacity, capacity + added);
            for (int index = capacity + added - 1; index >= capacity; index--)
            {
                PushFree(index);
            }
        }
    }
}

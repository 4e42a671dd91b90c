using System.Collections.Generic;
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
/// Lookups take no lock: they are on every call's path. Adding and removing take one.
/// </summary>
internal static class HandleTable
{
    private const int ChunkBits = 10;
    private const int ChunkSize = 1 << ChunkBits;
    private const int MaxChunks = 1 << 12;
    private const long GenerationMask = 0xFF_FFFF;

    private sealed class Slot
    {
        // (generation << 8 | kind) while live, 0 while free: read and written as one value.
        public long Stamp;
        public object? Target;
        public long Generation;
    }

    private static readonly Slot[]?[] s_chunks = new Slot[MaxChunks][];
    private static readonly Lock s_gate = new();
    private static readonly Stack<int> s_free = new();
    private static int s_capacity;
    private static int s_live;

    public static int LiveCount => Volatile.Read(ref s_live);

    public static nint Add(HandleKind kind, object target)
    {
        lock (s_gate)
        {
            if (!s_free.TryPop(out int index))
            {
                index = s_capacity;
                if (index >= MaxChunks * ChunkSize)
                {
                    throw new System.OutOfMemoryException("the handle table is full");
                }

                if ((index & (ChunkSize - 1)) == 0)
                {
                    var chunk = new Slot[ChunkSize];
                    for (int i = 0; i < ChunkSize; i++)
                    {
                        chunk[i] = new Slot();
                    }

                    Volatile.Write(ref s_chunks[index >> ChunkBits], chunk);
                }

                s_capacity++;
            }

            var slot = s_chunks[index >> ChunkBits]![index & (ChunkSize - 1)];
            long generation = slot.Generation = (slot.Generation + 1) & GenerationMask;
            slot.Target = target;
            // Publish the stamp last: a reader that sees it also sees the target.
            Volatile.Write(ref slot.Stamp, generation << 8 | (byte)kind);
            s_live++;
            return (nint)((long)(index + 1) | generation << 32 | (long)kind << 56);
        }
    }

    /// <summary>The live object a handle of this kind stands for, or null for anything else.</summary>
    public static T? Get<T>(nint handle, HandleKind kind)
        where T : class
    {
        var slot = Find(handle, kind, out long stamp);
        if (slot is null)
        {
            return null;
        }

        object? target = Volatile.Read(ref slot.Target);
        // Re-check: had the slot been freed and reused between the two reads, the stamp would differ.
        return Volatile.Read(ref slot.Stamp) == stamp ? target as T : null;
    }

    /// <summary>Frees a live handle of this kind and returns its object; null (and no change) for anything else.</summary>
    public static T? Remove<T>(nint handle, HandleKind kind)
        where T : class
    {
        lock (s_gate)
        {
            var slot = Find(handle, kind, out _);
            if (slot?.Target is not T target)
            {
                return null;
            }

            Volatile.Write(ref slot.Stamp, 0);
            slot.Target = null;
            s_free.Push((int)((long)handle & 0xFFFF_FFFF) - 1);
            s_live--;
            return target;
        }
    }

    private static Slot? Find(nint handle, HandleKind kind, out long stamp)
    {
        long value = handle;
        stamp = 0;
        long index = (value & 0xFFFF_FFFF) - 1;
        if (index < 0 || index >= Volatile.Read(ref s_capacity) || (byte)(value >> 56) != (byte)kind || (value >> 63) != 0)
        {
            return null;
        }

        var chunk = Volatile.Read(ref s_chunks[index >> ChunkBits]);
        if (chunk is null)
        {
            return null;
        }

        stamp = (value >> 32 & GenerationMask) << 8 | (byte)kind;
        var slot = chunk[index & (ChunkSize - 1)];
        return Volatile.Read(ref slot.Stamp) == stamp ? slot : null;
    }
}

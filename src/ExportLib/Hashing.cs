using System;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using ExportLib.Abi;
using HeaderGen;

namespace ExportLib;

/// <summary>
/// zlib's chainable crc32(crc, data) on top of System.IO.Hashing.Crc32, which only starts from the initial state.
/// CRC-32 can be steered into any register state by four chosen bytes; prefixing those bytes puts the framework's
/// vectorised CRC in the state a previous crc value stands for, at the cost of four table steps.
/// </summary>
internal static class ChainedCrc32
{
    private const uint Polynomial = 0xEDB88320u;
    private static readonly uint[] s_table = BuildTable();
    private static readonly byte[] s_byTopByte = BuildReverse();

    [ThreadStatic] private static Crc32? t_crc;

    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        if (crc == 0)
        {
            return Crc32.HashToUInt32(data);
        }

        Span<byte> prefix = stackalloc byte[4];
        Steer(~crc, prefix);
        var state = t_crc ??= new Crc32();
        state.Reset();
        state.Append(prefix);
        state.Append(data);
        return state.GetCurrentHashAsUInt32();
    }

    /// <summary>Four bytes that take the register from the initial 0xFFFFFFFF to <paramref name="target"/>.</summary>
    internal static void Steer(uint target, Span<byte> prefix)
    {
        // Backwards from the target: each step's table index is fixed by the top byte it produced.
        Span<byte> index = stackalloc byte[4];
        uint register = target;
        for (int k = 3; k >= 0; k--)
        {
            index[k] = s_byTopByte[register >> 24];
            register = (register ^ s_table[index[k]]) << 8;
        }

        // Forwards from the initial state: the byte that selects each index.
        uint state = 0xFFFFFFFFu;
        for (int k = 0; k < 4; k++)
        {
            prefix[k] = (byte)(state ^ index[k]);
            state = (state >> 8) ^ s_table[index[k]];
        }
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint c = i;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }

    private static byte[] BuildReverse()
    {
        var reverse = new byte[256];
        for (int i = 0; i < 256; i++)
        {
            reverse[s_table[i] >> 24] = (byte)i;
        }

        return reverse;
    }
}

/// <summary>Contract section 11: bulk data.</summary>
public static unsafe class HashingExports
{
    /// <summary>zlib-compatible CRC-32, chainable like zlib's crc32() (start with 0). NULL data returns crc unchanged.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_crc32))]
    public static uint el_crc32(uint crc, [Const] byte* data, [CType("size_t")] nuint len)
    {
        try
        {
            if (data == null)
            {
                if (len > 0)
                {
                    Guard.Null(nameof(data));
                }

                return crc;
            }

            uint result = crc;
            // Spans hold at most int.MaxValue bytes; longer inputs go through in chunks.
            while (len > 0)
            {
                int chunk = (int)Math.Min(len, (nuint)int.MaxValue);
                result = ChainedCrc32.Update(result, new ReadOnlySpan<byte>(data, chunk));
                data += chunk;
                len -= (nuint)chunk;
            }

            return result;
        }
        catch (Exception e)
        {
            return Guard.Internal(e, crc);
        }
    }

    /// <summary>XXH3 64-bit with a seed, equal to xxHash's XXH3_64bits_withSeed. NULL data is treated as len == 0.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_xxh3_64))]
    public static ulong el_xxh3_64([Const] byte* data, [CType("size_t")] nuint len, ulong seed)
    {
        try
        {
            if (data == null)
            {
                if (len > 0)
                {
                    Guard.Null(nameof(data));
                }

                return XxHash3.HashToUInt64(ReadOnlySpan<byte>.Empty, unchecked((long)seed));
            }

            if (len <= int.MaxValue)
            {
                return XxHash3.HashToUInt64(new ReadOnlySpan<byte>(data, (int)len), unchecked((long)seed));
            }

            var state = new XxHash3(unchecked((long)seed));
            while (len > 0)
            {
                int chunk = (int)Math.Min(len, (nuint)int.MaxValue);
                state.Append(new ReadOnlySpan<byte>(data, chunk));
                data += chunk;
                len -= (nuint)chunk;
            }

            return state.GetCurrentHashAsUInt64();
        }
        catch (Exception e)
        {
            return Guard.Internal(e, 0ul);
        }
    }
}

using System;
using System.Runtime.CompilerServices;

namespace ExportLib.Abi;

/// <summary>
/// Output into a caller's buffer, <c>(T* buf, size_t len, size_t* required)</c>, by the contract's general rule:
/// <c>*required</c> counts the terminating zero unit; a short buffer gets nothing; <c>len == 0</c> is a size
/// query that returns <c>EL_ERR_BUFFER_TOO_SMALL</c> without recording a failure.
/// </summary>
internal static unsafe class CallerBuffer
{
    public static Status Write<T>(
        ReadOnlySpan<T> text,
        T* buf,
        nuint len,
        nuint* required,
        string bufferName = "buf",
        bool record = true,
        [CallerMemberName] string function = "")
        where T : unmanaged
    {
        if (buf == null && len != 0)
        {
            return record ? Guard.Null(bufferName, function) : Status.ErrNullArgument;
        }

        nuint needed = (nuint)text.Length + 1;
        if (required != null)
        {
            *required = needed;
        }

        if (len < needed)
        {
            return len == 0 || !record
                ? Status.ErrBufferTooSmall
                : Guard.Fail(Status.ErrBufferTooSmall, $"the buffer holds {len} units but {needed} are needed", function);
        }

        var destination = new Span<T>(buf, text.Length + 1);
        text.CopyTo(destination);
        destination[text.Length] = default;
        return Status.Ok;
    }
}

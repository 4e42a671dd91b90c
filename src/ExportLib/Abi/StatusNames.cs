using System;
using System.Text;

namespace ExportLib.Abi;

internal static unsafe class StatusNames
{
    public static string Of(Status status) => Encoding.UTF8.GetString(Utf8Literal(status)[..^1]);

    /// <summary>The static, NUL-terminated C spelling of a status, as <c>el_status_name</c> hands it out.</summary>
    public static byte* Pointer(Status status) => StaticText.Pointer(Utf8Literal(status));

    private static ReadOnlySpan<byte> Utf8Literal(Status status) => status switch
    {
        Status.Ok => "EL_OK\0"u8,
        Status.ErrNullArgument => "EL_ERR_NULL_ARGUMENT\0"u8,
        Status.ErrInvalidArgument => "EL_ERR_INVALID_ARGUMENT\0"u8,
        Status.ErrInvalidHandle => "EL_ERR_INVALID_HANDLE\0"u8,
        Status.ErrBufferTooSmall => "EL_ERR_BUFFER_TOO_SMALL\0"u8,
        Status.ErrInvalidUtf8 => "EL_ERR_INVALID_UTF8\0"u8,
        Status.ErrInvalidUtf16 => "EL_ERR_INVALID_UTF16\0"u8,
        Status.ErrWrongThread => "EL_ERR_WRONG_THREAD\0"u8,
        Status.ErrInvalidState => "EL_ERR_INVALID_STATE\0"u8,
        Status.ErrBorrowed => "EL_ERR_BORROWED\0"u8,
        Status.ErrOutOfMemory => "EL_ERR_OUT_OF_MEMORY\0"u8,
        Status.ErrInternal => "EL_ERR_INTERNAL\0"u8,
        _ => "EL_UNKNOWN_STATUS\0"u8,
    };
}

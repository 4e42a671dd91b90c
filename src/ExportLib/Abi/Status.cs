using HeaderGen;

namespace ExportLib.Abi;

/// <summary>The result of every function that can fail. <c>EL_OK</c> is success.</summary>
[CName("el_status")]
[CStatus]
[CEnumPrefix("EL_")]
public enum Status : int
{
    Ok = 0,
    ErrNullArgument = 1,
    ErrInvalidArgument = 2,
    ErrInvalidHandle = 3,
    ErrBufferTooSmall = 4,
    ErrInvalidUtf8 = 5,
    ErrInvalidUtf16 = 6,
    ErrWrongThread = 7,
    ErrInvalidState = 8,
    ErrBorrowed = 9,
    ErrOutOfMemory = 10,
    ErrInternal = 100,
}

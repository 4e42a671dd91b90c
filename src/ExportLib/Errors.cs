using System;
using System.Runtime.InteropServices;
using System.Text;
using ExportLib.Abi;
using HeaderGen;

namespace ExportLib;

/// <summary>Contract section 1: the thread-local last error and status names.</summary>
public static unsafe class Errors
{
    /// <summary>
    /// Copies the message of the calling thread's most recent failure ("" if none) and always sets *required (bytes
    /// including the NUL) when required is not NULL. Reading it never replaces it: this function records nothing.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_last_error_message))]
    [CLastErrorMessage]
    public static Status el_last_error_message([CType("char*")] byte* buf, [CType("size_t")] nuint len, [CType("size_t*")] nuint* required)
    {
        try
        {
            byte[] message = Encoding.UTF8.GetBytes(ErrorSlot.LastMessage);
            // Unlike the general rule, the contract sets *required here even when buf is NULL with len > 0.
            if (required != null)
            {
                *required = (nuint)message.Length + 1;
            }

            return CallerBuffer.Write<byte>(message, buf, len, required, record: false);
        }
        catch (Exception)
        {
            return Status.ErrInternal;
        }
    }

    /// <summary>The status of the calling thread's most recent failure, EL_OK if none.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_last_error_status))]
    [CStatusIsValue]
    public static Status el_last_error_status()
    {
        try
        {
            return ErrorSlot.LastStatus;
        }
        catch (Exception e)
        {
            return Guard.Internal(e);
        }
    }

    /// <summary>Forgets the calling thread's last failure.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_clear_last_error))]
    public static void el_clear_last_error()
    {
        try
        {
            ErrorSlot.Clear();
        }
        catch (Exception e)
        {
            Guard.Internal(e);
        }
    }

    /// <summary>A static string such as "EL_ERR_NULL_ARGUMENT"; "EL_UNKNOWN_STATUS" outside the enum. Never NULL.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_status_name))]
    [return: CType("const char*")]
    public static byte* el_status_name(Status s)
    {
        try
        {
            return StatusNames.Pointer(s);
        }
        catch (Exception e)
        {
            Guard.Internal(e);
            return StatusNames.Pointer((Status)(-1));
        }
    }
}

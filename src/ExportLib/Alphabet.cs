using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;
using System.Threading;
using ExportLib.Abi;
using HeaderGen;

namespace ExportLib;

/// <summary>The C handle type of an alphabet context.</summary>
[CName("el_context")]
[COpaque]
public struct ContextHandle;

/// <summary>The C handle type of a sub-object: a view of a context's text that borrows the context.</summary>
[CName("el_subobject")]
[COpaque]
public struct SubobjectHandle;

/// <summary>
/// An alphabet context is a handle-table slot: its case (bits 0-1) and its number of live sub-objects (bits 2-31) are
/// the slot's state, so creating, changing and freeing one touch no managed object and each change is one
/// compare-exchange that also proves the handle live. Only a context given other text, or borrowed, gets a
/// <see cref="ContextExtras"/> object in its slot.
/// </summary>
internal static class AlphabetContext
{
    private const uint CaseBits = 0b11;
    private const uint OneBorrow = 1u << 2;

    public static ReadOnlySpan<byte> Lower => "abcdefghijklmnopqrstuvwxyz"u8;

    public static ReadOnlySpan<byte> Upper => "ABCDEFGHIJKLMNOPQRSTUVWXYZ"u8;

    // Texts are never changed in place, only replaced, so the two alphabets are shared by every context and view.
    private static readonly byte[] s_lower = Lower.ToArray();
    private static readonly byte[] s_upper = Upper.ToArray();

    public static bool IsValidCase(Case c) => c is Case.Lower or Case.Upper;

    public static nint Create(Case initial) => HandleTable.Add(HandleKind.Context, null, (uint)initial);

    private static Case CaseOf(long word) => (Case)(word & CaseBits);

    private static uint BorrowsOf(long word) => (uint)word >> 2;

    /// <summary>The context's case, or false when the handle is not a live context.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryState(nint handle, out Case state)
    {
        bool live = TryRead(handle, out long current);
        state = CaseOf(current);
        return live;
    }

    /// <summary>The context's text, or null when the handle is not a live context.</summary>
    public static byte[]? Text(nint handle) => TryRead(handle, out long current) ? TextOf(current, handle) : null;

    // The context's word, read once; false (and 0) when the handle is not a live context.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryRead(nint handle, out long current)
    {
        ref long word = ref HandleTable.WordOf(handle, HandleKind.Context);
        current = Unsafe.IsNullRef(ref word) ? 0 : Volatile.Read(ref word);
        return HandleTable.IsLive(current, handle);
    }

    // Other text is written before the word that says so, and only under the extras' lock.
    private static byte[]? TextOf(long word, nint handle) => CaseOf(word) switch
    {
        Case.Lower => s_lower,
        Case.Upper => s_upper,
        _ => HandleTable.Get(handle, HandleKind.Context) is ContextExtras extras && extras.Stamp == HandleTable.StampOf(handle) ? extras.Text : null,
    };

    /// <summary>To one of the alphabets: EL_ERR_BORROWED while sub-objects live, EL_ERR_INVALID_STATE from other text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Status ChangeCase(nint handle, Case target)
    {
        ref long word = ref HandleTable.WordOf(handle, HandleKind.Context);
        if (Unsafe.IsNullRef(ref word))
        {
            return Status.ErrInvalidHandle;
        }

        while (true)
        {
            long current = Volatile.Read(ref word);
            if (!HandleTable.IsLive(current, handle))
            {
                return Status.ErrInvalidHandle;
            }

            if (BorrowsOf(current) > 0)
            {
                return Status.ErrBorrowed;
            }

            if (CaseOf(current) == Case.Invalid)
            {
                return Status.ErrInvalidState;
            }

            if (CaseOf(current) == target
                || Interlocked.CompareExchange(ref word, (current & ~(long)CaseBits) | (long)target, current) == current)
            {
                return Status.Ok;
            }
        }
    }

    /// <summary>Replaces the text (valid UTF-8): EL_ERR_BORROWED while sub-objects live.</summary>
    public static Status SetText(nint handle, byte[] utf8)
    {
        var state = utf8.AsSpan().SequenceEqual(Lower) ? Case.Lower : utf8.AsSpan().SequenceEqual(Upper) ? Case.Upper : Case.Invalid;
        if (Extras(handle) is not { } extras)
        {
            return Status.ErrInvalidHandle;
        }

        ref long word = ref HandleTable.WordOf(handle, HandleKind.Context);
        lock (extras)
        {
            // Borrows start only under this lock, so none can start meanwhile: once the text is written, the
            // exchange below fails only on a change of case, and is retried.
            while (true)
            {
                long current = Volatile.Read(ref word);
                if (!HandleTable.IsLive(current, handle))
                {
                    return Status.ErrInvalidHandle;
                }

                if (BorrowsOf(current) > 0)
                {
                    return Status.ErrBorrowed;
                }

                if (state == Case.Invalid)
                {
                    Volatile.Write(ref extras.Text, utf8);
                }

                if (Interlocked.CompareExchange(ref word, (current & ~(long)CaseBits) | (long)state, current) == current)
                {
                    return Status.Ok;
                }
            }
        }
    }

    /// <summary>
    /// Registers a sub-object over [start, start + length) and returns its handle, or 0 when the context's handle has
    /// been freed, or -1 when the range is outside the text or cuts a UTF-8 character.
    /// </summary>
    public static nint Borrow(nint handle, nuint start, nuint length)
    {
        if (Extras(handle) is not { } extras)
        {
            return 0;
        }

        ref long word = ref HandleTable.WordOf(handle, HandleKind.Context);
        lock (extras)
        {
            byte[]? text;
            while (true)
            {
                long current = Volatile.Read(ref word);
                if (!HandleTable.IsLive(current, handle) || (text = TextOf(current, handle)) is null)
                {
                    return 0;
                }

                if (!IsCharacterRange(text, start, length))
                {
                    return -1;
                }

                // Counted with the handle proven live in the same exchange: a free that comes later sees the borrow
                // and waits on this lock to invalidate the sub-object.
                if (Interlocked.CompareExchange(ref word, current + OneBorrow, current) == current)
                {
                    break;
                }
            }

            // Every allocation happens before the handle is issued, and a failure there gives the borrow back:
            // otherwise an out-of-memory here would leave the context borrowed for ever.
            nint sub;
            try
            {
                extras.Children ??= new HashSet<nint>();
                extras.Children.EnsureCapacity(extras.Children.Count + 1);
                sub = HandleTable.Add(HandleKind.Subobject, new Subobject(handle, extras, text, (int)start, (int)length));
            }
            catch
            {
                Return(handle);
                throw;
            }

            extras.Children.Add(sub);
            return sub;
        }
    }

    /// <summary>Ends one borrow. The caller has already removed the sub-object's handle.</summary>
    public static void EndBorrow(Subobject view, nint sub)
    {
        lock (view.ParentExtras)
        {
            // A context freed meanwhile has forgotten its sub-objects: nothing is owed to it.
            if (view.ParentExtras.Children?.Remove(sub) == true)
            {
                Return(view.Parent);
            }
        }
    }

    private static void Return(nint handle)
    {
        ref long word = ref HandleTable.WordOf(handle, HandleKind.Context);
        while (true)
        {
            long current = Volatile.Read(ref word);
            if (!HandleTable.IsLive(current, handle)
                || Interlocked.CompareExchange(ref word, current - OneBorrow, current) == current)
            {
                return;
            }
        }
    }

    /// <summary>Called once the context's handle is removed, with its last state: invalidates every sub-object's handle.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Free(object? target, uint lastState)
    {
        if (BorrowsOf(lastState) != 0 && target is ContextExtras extras)
        {
            InvalidateChildren(extras);
        }
    }

    private static void InvalidateChildren(ContextExtras extras)
    {
        lock (extras)
        {
            if (extras.Children is null)
            {
                return;
            }

            foreach (nint child in extras.Children)
            {
                HandleTable.Remove(child, HandleKind.Subobject, out _, out _);
            }

            extras.Children.Clear();
        }
    }

    // The context's extras, made and attached on first need; null when the handle is not a live context. An object
    // left by a stale caller in a slot since reused is replaced, as it would be for another handle's.
    private static ContextExtras? Extras(nint handle)
    {
        ref object? target = ref HandleTable.TargetOf(handle, HandleKind.Context);
        if (Unsafe.IsNullRef(ref target))
        {
            return null;
        }

        long stamp = HandleTable.StampOf(handle);
        while (true)
        {
            object? current = Volatile.Read(ref target);
            if (current is ContextExtras existing && existing.Stamp == stamp)
            {
                return existing;
            }

            if (!TryState(handle, out _))
            {
                return null;
            }

            var made = new ContextExtras(stamp);
            if (Interlocked.CompareExchange(ref target, made, current) == current)
            {
                return made;
            }
        }
    }

    /// <summary>Whether [start, start + length) lies in the text and cuts no UTF-8 sequence.</summary>
    public static bool IsCharacterRange(byte[] text, nuint start, nuint length)
    {
        nuint size = (nuint)text.Length;
        if (start > size || length > size - start)
        {
            return false;
        }

        nuint end = start + length;
        return !IsContinuation(text, start) && !IsContinuation(text, end);
    }

    private static bool IsContinuation(byte[] text, nuint index) => index < (nuint)text.Length && (text[(int)index] & 0xC0) == 0x80;
}

/// <summary>
/// What a context needs beyond its slot's word once it holds other text or is borrowed: that text, and the handles of
/// its sub-objects (to invalidate them when the context is freed), guarded by this object's monitor.
/// </summary>
internal sealed class ContextExtras(long stamp)
{
    /// <summary>The handle stamp of the context these belong to.</summary>
    public readonly long Stamp = stamp;

    public byte[]? Text;

    public HashSet<nint>? Children;
}

/// <summary>
/// A view of bytes [Start, Start + Length) of its parent's text. The text cannot change while the view lives, so the
/// view keeps the text itself and reading it never touches the parent.
/// </summary>
internal sealed class Subobject(nint parent, ContextExtras parentExtras, byte[] text, int start, int length)
{
    public nint Parent { get; } = parent;

    public ContextExtras ParentExtras { get; } = parentExtras;

    public ReadOnlySpan<byte> Bytes => text.AsSpan(start, length);
}

/// <summary>Contract section 7: the alphabet context, its sub-objects, and caller-provided buffers.</summary>
public static unsafe class AlphabetExports
{
    // Out of line: the message's formatting would otherwise cost every successful create a larger stack frame to clear.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Status InvalidCase(Case c, [CallerMemberName] string function = "")
        => Guard.Fail(Status.ErrInvalidArgument, $"{(int)c} is not EL_CASE_LOWER or EL_CASE_UPPER", function);

    /// <summary>A new context in the given case; NULL (recording EL_ERR_INVALID_ARGUMENT) for EL_CASE_INVALID or an unknown value.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_context_new))]
    public static ContextHandle* el_context_new(Case initial)
    {
        try
        {
            if (!AlphabetContext.IsValidCase(initial))
            {
                InvalidCase(initial);
                return null;
            }

            return (ContextHandle*)AlphabetContext.Create(initial);
        }
        catch (Exception e)
        {
            Guard.Internal(e);
            return null;
        }
    }

    /// <summary>A new context in the given case, through an out-pointer (set to NULL on failure).</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_context_create))]
    public static Status el_context_create(Case initial, ContextHandle** @out)
    {
        try
        {
            if (@out == null)
            {
                return Guard.Null("out");
            }

            *@out = null;
            if (!AlphabetContext.IsValidCase(initial))
            {
                return InvalidCase(initial);
            }

            *@out = (ContextHandle*)AlphabetContext.Create(initial);
            return Status.Ok;
        }
        catch (Exception e)
        {
            return Guard.Internal(e);
        }
    }

    /// <summary>Frees a context and invalidates its sub-objects. NULL does nothing; an invalid handle is recorded.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_context_free))]
    public static void el_context_free(ContextHandle* ctx)
    {
        try
        {
            if (Guard.FreeHandle((nint)ctx, HandleKind.Context, nameof(ctx), "el_context", out var extras, out uint lastState))
            {
                AlphabetContext.Free(extras, lastState);
            }
        }
        catch (Exception e)
        {
            Guard.Internal(e);
        }
    }

    /// <summary>Upper-cases the text; EL_ERR_INVALID_STATE unless it is one of the two alphabets.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_context_to_upper))]
    public static Status el_context_to_upper(ContextHandle* ctx)
    {
        try
        {
            return ChangeCase(ctx, Case.Upper, nameof(el_context_to_upper));
        }
        catch (Exception e)
        {
            return Guard.Internal(e);
        }
    }

    /// <summary>Lower-cases the text; EL_ERR_INVALID_STATE unless it is one of the two alphabets.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_context_to_lower))]
    public static Status el_context_to_lower(ContextHandle* ctx)
    {
        try
        {
            return ChangeCase(ctx, Case.Lower, nameof(el_context_to_lower));
        }
        catch (Exception e)
        {
            return Guard.Internal(e);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Status ChangeCase(ContextHandle* ctx, Case target, string function)
    {
        if (ctx == null)
        {
            return Guard.Null(nameof(ctx), function);
        }

        return AlphabetContext.ChangeCase((nint)ctx, target) switch
        {
            Status.Ok => Status.Ok,
            Status.ErrInvalidHandle => Guard.InvalidHandle(nameof(ctx), "el_context", function),
            Status.ErrBorrowed => Guard.Fail(Status.ErrBorrowed, "the context has live sub-objects", function),
            var other => Guard.Fail(other, "the text is neither the lower- nor the upper-case alphabet", function),
        };
    }

    /// <summary>Whether the text is the upper-case alphabet.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_context_is_upper))]
    public static Status el_context_is_upper([Const] ContextHandle* ctx, bool* @out)
    {
        try
        {
            return Query(ctx, @out, Case.Upper, nameof(el_context_is_upper));
        }
        catch (Exception e)
        {
            return Guard.Internal(e);
        }
    }

    /// <summary>Whether the text is the lower-case alphabet.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_context_is_lower))]
    public static Status el_context_is_lower([Const] ContextHandle* ctx, bool* @out)
    {
        try
        {
            return Query(ctx, @out, Case.Lower, nameof(el_context_is_lower));
        }
        catch (Exception e)
        {
            return Guard.Internal(e);
        }
    }

    // Inlined into both exports: a validated query should cost the crossing and the lookup, not another call.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Status Query(ContextHandle* ctx, bool* @out, Case wanted, string function)
    {
        if (ctx == null)
        {
            return Guard.Null(nameof(ctx), function);
        }

        if (@out == null)
        {
            return Guard.Null("out", function);
        }

        if (!AlphabetContext.TryState((nint)ctx, out Case state))
        {
            return Guard.InvalidHandle(nameof(ctx), "el_context", function);
        }

        *@out = state == wanted;
        return Status.Ok;
    }

    /// <summary>EL_CASE_LOWER, EL_CASE_UPPER or EL_CASE_INVALID.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_context_state))]
    public static Status el_context_state([Const] ContextHandle* ctx, Case* @out)
    {
        try
        {
            if (ctx == null)
            {
                return Guard.Null(nameof(ctx));
            }

            if (@out == null)
            {
                return Guard.Null("out");
            }

            if (!AlphabetContext.TryState((nint)ctx, out Case state))
            {
                return Guard.InvalidHandle(nameof(ctx), "el_context");
            }

            *@out = state;
            return Status.Ok;
        }
        catch (Exception e)
        {
            return Guard.Internal(e);
        }
    }

    /// <summary>Replaces the text (NUL-terminated UTF-8); invalid UTF-8 changes nothing.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_context_set_text))]
    public static Status el_context_set_text(ContextHandle* ctx, [CType("const char*")] byte* utf8)
    {
        try
        {
            if (ctx == null)
            {
                return Guard.Null(nameof(ctx));
            }

            if (utf8 == null)
            {
                return Guard.Null(nameof(utf8));
            }

            if (!AlphabetContext.TryState((nint)ctx, out _))
            {
                return Guard.InvalidHandle(nameof(ctx), "el_context");
            }

            var bytes = Utf8Text.Bytes(utf8);
            if (!System.Text.Unicode.Utf8.IsValid(bytes))
            {
                return Guard.Fail(Status.ErrInvalidUtf8, "the text is not valid UTF-8");
            }

            return AlphabetContext.SetText((nint)ctx, bytes.ToArray()) switch
            {
                Status.Ok => Status.Ok,
                Status.ErrInvalidHandle => Guard.InvalidHandle(nameof(ctx), "el_context"),
                var other => Guard.Fail(other, "the context has live sub-objects"),
            };
        }
        catch (Exception e)
        {
            return Guard.Internal(e);
        }
    }

    /// <summary>Copies the text into the caller's buffer.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_context_text))]
    public static Status el_context_text([Const] ContextHandle* ctx, [CType("char*")] byte* buf, [CType("size_t")] nuint len, [CType("size_t*")] nuint* required)
    {
        try
        {
            if (ctx == null)
            {
                return Guard.Null(nameof(ctx));
            }

            if (AlphabetContext.Text((nint)ctx) is not { } text)
            {
                return Guard.InvalidHandle(nameof(ctx), "el_context");
            }

            return CallerBuffer.Write<byte>(text, buf, len, required);
        }
        catch (Exception e)
        {
            return Guard.Internal(e);
        }
    }

    /// <summary>
    /// A view of the text's bytes [start, start + len) that borrows the context: while it lives the context's text
    /// cannot change. A range outside the text or cutting a UTF-8 character is invalid.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_context_subobject))]
    public static Status el_context_subobject(ContextHandle* ctx, [CType("size_t")] nuint start, [CType("size_t")] nuint len, SubobjectHandle** @out)
    {
        try
        {
            if (@out != null)
            {
                *@out = null;
            }

            if (ctx == null)
            {
                return Guard.Null(nameof(ctx));
            }

            if (@out == null)
            {
                return Guard.Null("out");
            }

            nint handle = AlphabetContext.Borrow((nint)ctx, start, len);
            if (handle == 0)
            {
                return Guard.InvalidHandle(nameof(ctx), "el_context");
            }

            if (handle == -1)
            {
                return Guard.Fail(Status.ErrInvalidArgument, $"[{start}, {start} + {len}) is outside the {AlphabetContext.Text((nint)ctx)?.Length ?? 0}-byte text or cuts a UTF-8 character");
            }

            *@out = (SubobjectHandle*)handle;
            return Status.Ok;
        }
        catch (Exception e)
        {
            return Guard.Internal(e);
        }
    }

    /// <summary>Copies the sub-object's bytes into the caller's buffer.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_subobject_text))]
    public static Status el_subobject_text([Const] SubobjectHandle* sub, [CType("char*")] byte* buf, [CType("size_t")] nuint len, [CType("size_t*")] nuint* required)
    {
        try
        {
            if (sub == null)
            {
                return Guard.Null(nameof(sub));
            }

            if (HandleTable.Get((nint)sub, HandleKind.Subobject) as Subobject is not { } view)
            {
                return Guard.InvalidHandle(nameof(sub), "el_subobject");
            }

            return CallerBuffer.Write<byte>(view.Bytes, buf, len, required);
        }
        catch (Exception e)
        {
            return Guard.Internal(e);
        }
    }

    /// <summary>Ends the borrow. NULL does nothing; a sub-object whose context was freed is already invalid.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_subobject_free))]
    public static void el_subobject_free(SubobjectHandle* sub)
    {
        try
        {
            if (Guard.FreeHandle((nint)sub, HandleKind.Subobject, nameof(sub), "el_subobject", out var view, out _))
            {
                AlphabetContext.EndBorrow((Subobject)view!, (nint)sub);
            }
        }
        catch (Exception e)
        {
            Guard.Internal(e);
        }
    }

    /// <summary>
    /// Writes the alphabet and a NUL into buf and returns 0, or returns the bytes needed (27) and writes nothing
    /// (a NULL buf counts as len == 0); (size_t)-1 for EL_CASE_INVALID or an unknown value.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_alphabet_copy))]
    [return: CType("size_t")]
    public static nuint el_alphabet_copy(Case c, [CType("char*")] byte* buf, [CType("size_t")] nuint len)
    {
        try
        {
            if (!AlphabetContext.IsValidCase(c))
            {
                InvalidCase(c);
                return nuint.MaxValue;
            }

            var text = c == Case.Upper ? AlphabetContext.Upper : AlphabetContext.Lower;
            var status = CallerBuffer.Write(text, buf, buf == null ? 0 : len, null);
            return status == Status.Ok ? 0 : (nuint)text.Length + 1;
        }
        catch (Exception e)
        {
            return Guard.Internal(e, nuint.MaxValue);
        }
    }

    /// <summary>The alphabet in the given case, by the general caller-buffer rule.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_alphabet_write))]
    public static Status el_alphabet_write(Case c, [CType("char*")] byte* buf, [CType("size_t")] nuint len, [CType("size_t*")] nuint* required)
    {
        try
        {
            if (!AlphabetContext.IsValidCase(c))
            {
                return InvalidCase(c);
            }

            return CallerBuffer.Write(c == Case.Upper ? AlphabetContext.Upper : AlphabetContext.Lower, buf, len, required);
        }
        catch (Exception e)
        {
            return Guard.Internal(e);
        }
    }
}

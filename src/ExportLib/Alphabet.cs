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
/// A UTF-8 text and the case it is in. Text, state and the number of live sub-objects form one immutable value that
/// every change replaces with a compare-exchange, so reads take no lock and a change never takes one either (a lock
/// needs the thread's id, which from a shared library costs a call to __tls_get_addr). The set of sub-object handles,
/// needed only to invalidate them when the context is freed, is guarded by the context's monitor.
/// </summary>
internal sealed class AlphabetContext
{
    public static ReadOnlySpan<byte> Lower => "abcdefghijklmnopqrstuvwxyz"u8;

    public static ReadOnlySpan<byte> Upper => "ABCDEFGHIJKLMNOPQRSTUVWXYZ"u8;

    private sealed class Content(byte[] text, Case state, int borrows)
    {
        public readonly byte[] Text = text;
        public readonly Case State = state;
        public readonly int Borrows = borrows;

        public Content WithBorrows(int borrows) => new(Text, State, borrows);
    }

    // The text is never changed in place, only replaced, so the two alphabets are shared by every context.
    private static readonly Content s_lower = new(Lower.ToArray(), Case.Lower, 0);
    private static readonly Content s_upper = new(Upper.ToArray(), Case.Upper, 0);

    private Content _content;
    private HashSet<nint>? _children;

    public AlphabetContext(Case initial) => _content = Alphabet(initial);

    public byte[] Text => Volatile.Read(ref _content).Text;

    public Case State => Volatile.Read(ref _content).State;

    public static bool IsValidCase(Case c) => c is Case.Lower or Case.Upper;

    private static Content Alphabet(Case c) => c == Case.Upper ? s_upper : s_lower;

    /// <summary>To one of the alphabets: EL_ERR_BORROWED while sub-objects live, EL_ERR_INVALID_STATE from other text.</summary>
    public Status ChangeCase(Case target)
    {
        var next = Alphabet(target);
        while (true)
        {
            var current = Volatile.Read(ref _content);
            if (current.Borrows > 0)
            {
                return Status.ErrBorrowed;
            }

            if (current.State == Case.Invalid)
            {
                return Status.ErrInvalidState;
            }

            if (Interlocked.CompareExchange(ref _content, next, current) == current)
            {
                return Status.Ok;
            }
        }
    }

    /// <summary>Replaces the text (valid UTF-8): EL_ERR_BORROWED while sub-objects live.</summary>
    public Status SetText(byte[] utf8)
    {
        var state = utf8.AsSpan().SequenceEqual(Lower) ? Case.Lower : utf8.AsSpan().SequenceEqual(Upper) ? Case.Upper : Case.Invalid;
        var next = new Content(utf8, state, 0);
        while (true)
        {
            var current = Volatile.Read(ref _content);
            if (current.Borrows > 0)
            {
                return Status.ErrBorrowed;
            }

            if (Interlocked.CompareExchange(ref _content, next, current) == current)
            {
                return Status.Ok;
            }
        }
    }

    /// <summary>
    /// Registers a sub-object over [start, start + length) and returns its handle, or 0 when the context's handle
    /// (<paramref name="self"/>) has been freed, or -1 when the range is outside the text or cuts a UTF-8 character.
    /// </summary>
    public nint Borrow(nint self, nuint start, nuint length)
    {
        lock (this)
        {
            Content current;
            while (true)
            {
                current = Volatile.Read(ref _content);
                if (!IsCharacterRange(current.Text, start, length))
                {
                    return -1;
                }

                if (Interlocked.CompareExchange(ref _content, current.WithBorrows(current.Borrows + 1), current) == current)
                {
                    break;
                }
            }

            // The borrow is counted (a full fence) before the handle is checked; freeing removes the handle (a
            // compare-exchange, a full fence) before Free reads the count. So either this sees the handle gone, or
            // Free sees the borrow and waits for this lock to release the child.
            if (HandleTable.Get(self, HandleKind.Context) is null)
            {
                Return();
                return 0;
            }

            // Every allocation happens before the handle is issued, and a failure there gives the borrow back:
            // otherwise an out-of-memory here would leave the context borrowed for ever.
            nint handle;
            try
            {
                _children ??= new HashSet<nint>();
                _children.EnsureCapacity(_children.Count + 1);
                handle = HandleTable.Add(HandleKind.Subobject, new Subobject(this, (int)start, (int)length));
            }
            catch
            {
                Return();
                throw;
            }

            _children.Add(handle);
            return handle;
        }
    }

    /// <summary>Ends one borrow. The caller has already removed the sub-object's handle.</summary>
    public void EndBorrow(nint handle)
    {
        lock (this)
        {
            if (_children?.Remove(handle) == true)
            {
                Return();
            }
        }
    }

    private void Return()
    {
        while (true)
        {
            var current = Volatile.Read(ref _content);
            var next = current.Borrows == 1 && ReferenceEquals(current.Text, s_lower.Text) ? s_lower
                : current.Borrows == 1 && ReferenceEquals(current.Text, s_upper.Text) ? s_upper
                : current.WithBorrows(current.Borrows - 1);
            if (Interlocked.CompareExchange(ref _content, next, current) == current)
            {
                return;
            }
        }
    }

    /// <summary>Called once the context's handle is removed: invalidates every sub-object's handle.</summary>
    public void Free()
    {
        if (Volatile.Read(ref _content).Borrows == 0)
        {
            return;
        }

        lock (this)
        {
            if (_children is null)
            {
                return;
            }

            foreach (nint child in _children)
            {
                HandleTable.Remove(child, HandleKind.Subobject);
            }

            _children.Clear();
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

/// <summary>A view of bytes [Start, Start + Length) of its parent's text, which cannot change while the view lives.</summary>
internal sealed class Subobject(AlphabetContext parent, int start, int length)
{
    public AlphabetContext Parent { get; } = parent;

    public int Start { get; } = start;

    public int Length { get; } = length;
}

/// <summary>Contract section 7: the alphabet context, its sub-objects, and caller-provided buffers.</summary>
public static unsafe class AlphabetExports
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static AlphabetContext? Context(ContextHandle* ctx) => HandleTable.Get((nint)ctx, HandleKind.Context) as AlphabetContext;

    /// <summary>A new context in the given case; NULL (recording EL_ERR_INVALID_ARGUMENT) for EL_CASE_INVALID or an unknown value.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_context_new))]
    public static ContextHandle* el_context_new(Case initial)
    {
        try
        {
            if (!AlphabetContext.IsValidCase(initial))
            {
                Guard.Fail(Status.ErrInvalidArgument, $"{(int)initial} is not EL_CASE_LOWER or EL_CASE_UPPER");
                return null;
            }

            return (ContextHandle*)HandleTable.Add(HandleKind.Context, new AlphabetContext(initial));
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
                return Guard.Fail(Status.ErrInvalidArgument, $"{(int)initial} is not EL_CASE_LOWER or EL_CASE_UPPER");
            }

            *@out = (ContextHandle*)HandleTable.Add(HandleKind.Context, new AlphabetContext(initial));
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
            (Guard.FreeHandle((nint)ctx, HandleKind.Context, nameof(ctx), "el_context") as AlphabetContext)?.Free();
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

    private static Status ChangeCase(ContextHandle* ctx, Case target, string function)
    {
        if (ctx == null)
        {
            return Guard.Null(nameof(ctx), function);
        }

        if (Context(ctx) is not { } context)
        {
            return Guard.InvalidHandle(nameof(ctx), "el_context", function);
        }

        return context.ChangeCase(target) switch
        {
            Status.Ok => Status.Ok,
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

        if (Context(ctx) is not { } context)
        {
            return Guard.InvalidHandle(nameof(ctx), "el_context", function);
        }

        // Text and state are replaced together, never mutated, so reading them needs no lock.
        *@out = context.State == wanted;
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

            if (Context(ctx) is not { } context)
            {
                return Guard.InvalidHandle(nameof(ctx), "el_context");
            }

            *@out = context.State;
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

            if (Context(ctx) is not { } context)
            {
                return Guard.InvalidHandle(nameof(ctx), "el_context");
            }

            var bytes = Utf8Text.Bytes(utf8);
            if (!System.Text.Unicode.Utf8.IsValid(bytes))
            {
                return Guard.Fail(Status.ErrInvalidUtf8, "the text is not valid UTF-8");
            }

            return context.SetText(bytes.ToArray()) == Status.Ok
                ? Status.Ok
                : Guard.Fail(Status.ErrBorrowed, "the context has live sub-objects");
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

            if (Context(ctx) is not { } context)
            {
                return Guard.InvalidHandle(nameof(ctx), "el_context");
            }

            return CallerBuffer.Write<byte>(context.Text, buf, len, required);
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

            if (Context(ctx) is not { } context)
            {
                return Guard.InvalidHandle(nameof(ctx), "el_context");
            }

            nint handle = context.Borrow((nint)ctx, start, len);
            if (handle == 0)
            {
                return Guard.InvalidHandle(nameof(ctx), "el_context");
            }

            if (handle == -1)
            {
                return Guard.Fail(Status.ErrInvalidArgument, $"[{start}, {start} + {len}) is outside the {context.Text.Length}-byte text or cuts a UTF-8 character");
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

            return CallerBuffer.Write<byte>(view.Parent.Text.AsSpan(view.Start, view.Length), buf, len, required);
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
            (Guard.FreeHandle((nint)sub, HandleKind.Subobject, nameof(sub), "el_subobject") as Subobject)?.Parent.EndBorrow((nint)sub);
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
                Guard.Fail(Status.ErrInvalidArgument, $"{(int)c} is not EL_CASE_LOWER or EL_CASE_UPPER");
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
                return Guard.Fail(Status.ErrInvalidArgument, $"{(int)c} is not EL_CASE_LOWER or EL_CASE_UPPER");
            }

            return CallerBuffer.Write(c == Case.Upper ? AlphabetContext.Upper : AlphabetContext.Lower, buf, len, required);
        }
        catch (Exception e)
        {
            return Guard.Internal(e);
        }
    }
}

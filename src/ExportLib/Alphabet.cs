using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
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
/// A UTF-8 text and the case it is in. Every operation takes the context's lock, so concurrent calls on one
/// handle are safe; live sub-objects borrow it and block changes.
/// </summary>
internal sealed class AlphabetContext
{
    public static ReadOnlySpan<byte> Lower => "abcdefghijklmnopqrstuvwxyz"u8;

    public static ReadOnlySpan<byte> Upper => "ABCDEFGHIJKLMNOPQRSTUVWXYZ"u8;

    // The text is never changed in place, only replaced, so the two alphabets can be shared by every context.
    private static readonly byte[] s_lower = Lower.ToArray();
    private static readonly byte[] s_upper = Upper.ToArray();

    public readonly Lock Gate = new();

    // Text and state change together (under the lock) and are read without it: one immutable pair, one reference.
    private sealed record Content(byte[] Text, Case State);

    private Content _content;
    private HashSet<nint>? _children;

    public AlphabetContext(Case initial) => _content = Alphabet(initial);

    public byte[] Text => Volatile.Read(ref _content).Text;

    public Case State => Volatile.Read(ref _content).State;

    public bool IsBorrowed => _children is { Count: > 0 };

    public static bool IsValidCase(Case c) => c is Case.Lower or Case.Upper;

    private static Content Alphabet(Case c) => c == Case.Upper ? UpperContent : LowerContent;

    private static readonly Content LowerContent = new(s_lower, Case.Lower);
    private static readonly Content UpperContent = new(s_upper, Case.Upper);

    /// <summary>Changes the case; the caller holds the lock and has checked the borrow and the state.</summary>
    public void SetCase(Case target) => Volatile.Write(ref _content, Alphabet(target));

    public void SetText(byte[] utf8)
    {
        var state = utf8.AsSpan().SequenceEqual(Lower) ? Case.Lower : utf8.AsSpan().SequenceEqual(Upper) ? Case.Upper : Case.Invalid;
        Volatile.Write(ref _content, new Content(utf8, state));
    }

    public void AddChild(nint handle) => (_children ??= new HashSet<nint>()).Add(handle);

    public void RemoveChild(nint handle) => _children?.Remove(handle);

    /// <summary>Freeing the parent frees its children's handles: using one afterwards is an invalid handle.</summary>
    public void ReleaseChildren()
    {
        if (_children is null)
        {
            return;
        }

        foreach (nint child in _children)
        {
            HandleTable.Remove<Subobject>(child, HandleKind.Subobject);
        }

        _children.Clear();
    }

    /// <summary>Whether [start, start + length) lies in the text and cuts no UTF-8 sequence.</summary>
    public bool IsCharacterRange(nuint start, nuint length)
    {
        byte[] text = Text;
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
    private static AlphabetContext? Context(ContextHandle* ctx) => HandleTable.Get<AlphabetContext>((nint)ctx, HandleKind.Context);

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
            if (ctx == null)
            {
                return;
            }

            var context = HandleTable.Remove<AlphabetContext>((nint)ctx, HandleKind.Context);
            if (context is null)
            {
                Guard.InvalidHandle(nameof(ctx), "el_context");
                return;
            }

            lock (context.Gate)
            {
                context.ReleaseChildren();
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

        lock (context.Gate)
        {
            if (context.IsBorrowed)
            {
                return Guard.Fail(Status.ErrBorrowed, "the context has live sub-objects", function);
            }

            if (context.State == Case.Invalid)
            {
                return Guard.Fail(Status.ErrInvalidState, "the text is neither the lower- nor the upper-case alphabet", function);
            }

            context.SetCase(target);
            return Status.Ok;
        }
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
            if (!Utf8Text.IsValid(bytes))
            {
                return Guard.Fail(Status.ErrInvalidUtf8, "the text is not valid UTF-8");
            }

            byte[] copy = bytes.ToArray();
            lock (context.Gate)
            {
                if (context.IsBorrowed)
                {
                    return Guard.Fail(Status.ErrBorrowed, "the context has live sub-objects");
                }

                context.SetText(copy);
                return Status.Ok;
            }
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

            lock (context.Gate)
            {
                // Re-check under the lock: a concurrent free may have released the context since the lookup.
                if (Context(ctx) is null)
                {
                    return Guard.InvalidHandle(nameof(ctx), "el_context");
                }

                if (!context.IsCharacterRange(start, len))
                {
                    return Guard.Fail(Status.ErrInvalidArgument, $"[{start}, {start} + {len}) is outside the {context.Text.Length}-byte text or cuts a UTF-8 character");
                }

                nint handle = HandleTable.Add(HandleKind.Subobject, new Subobject(context, (int)start, (int)len));
                context.AddChild(handle);
                *@out = (SubobjectHandle*)handle;
                return Status.Ok;
            }
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

            if (HandleTable.Get<Subobject>((nint)sub, HandleKind.Subobject) is not { } view)
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
            if (sub == null)
            {
                return;
            }

            if (HandleTable.Get<Subobject>((nint)sub, HandleKind.Subobject) is not { } view)
            {
                Guard.InvalidHandle(nameof(sub), "el_subobject");
                return;
            }

            lock (view.Parent.Gate)
            {
                if (HandleTable.Remove<Subobject>((nint)sub, HandleKind.Subobject) is null)
                {
                    Guard.InvalidHandle(nameof(sub), "el_subobject");
                    return;
                }

                view.Parent.RemoveChild((nint)sub);
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

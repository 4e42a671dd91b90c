using System;
using System.Collections.Generic;
using System.Linq;
using HeaderGen.Model;

namespace HeaderGen.Passes;

/// <summary>
/// Computes every struct's and union's size, alignment and field offsets by the rules the .NET runtime uses for
/// blittable types (the same as C's on the targets HeaderGen serves: LP64 and LLP64), and adds the padding C needs
/// to place explicit-layout fields where C# does. What C cannot reproduce is an error.
/// </summary>
public sealed class LayoutPass(Diagnostics diagnostics)
{
    public const int PointerSize = 8;

    private readonly HashSet<CStruct> _done = new();
    private readonly HashSet<CStruct> _inProgress = new();

    public void Run(CHeader header)
    {
        foreach (var s in header.Types.OfType<CStruct>())
        {
            Compute(s);
        }
    }

    public (int Size, int Align) Measure(CType type) => type switch
    {
        CPrimitive p => (p.Size, p.Align),
        CPointer => (PointerSize, PointerSize),
        CArray a => Measure(a.Element) is var (size, align) ? (size * a.Length, align) : default,
        CVerbatimType { Underlying: { } underlying } => Measure(underlying),
        CNamedType { Declaration: CStruct s } => Compute(s),
        CNamedType { Declaration: CEnum e } => (e.Underlying.Size, e.Underlying.Align),
        CNamedType { Declaration: CFunctionPointer } => (PointerSize, PointerSize),
        _ => throw new InvalidOperationException($"{type} has no size"),
    };

    private (int Size, int Align) Compute(CStruct s)
    {
        if (_done.Contains(s))
        {
            return (s.Size, s.Align);
        }

        if (!_inProgress.Add(s))
        {
            throw new InvalidOperationException($"{s.Origin} contains itself by value");
        }

        if (s.IsUnion)
        {
            ComputeUnion(s);
        }
        else if (s.LayoutKind == CLayoutKind.Explicit)
        {
            ComputeExplicit(s);
        }
        else
        {
            ComputeSequential(s);
        }

        _inProgress.Remove(s);
        _done.Add(s);
        return (s.Size, s.Align);
    }

    private int Packed(int align, CStruct s) => s.Pack > 0 ? Math.Min(align, s.Pack) : align;

    private void ComputeSequential(CStruct s)
    {
        int offset = 0, align = 1, natural = 1;
        foreach (var field in s.Fields)
        {
            var (size, fieldAlign) = Measure(field.Type);
            natural = Math.Max(natural, fieldAlign);
            int a = Packed(fieldAlign, s);
            offset = RoundUp(offset, a);
            field.Offset = offset;
            offset += size;
            align = Math.Max(align, a);
        }

        s.NeedsPragmaPack = s.Pack > 0 && s.Pack < natural;
        Finish(s, offset, align);
    }

    private void ComputeUnion(CStruct s)
    {
        int size = 0, align = 1, natural = 1;
        foreach (var field in s.Fields)
        {
            var (fieldSize, fieldAlign) = Measure(field.Type);
            natural = Math.Max(natural, fieldAlign);
            field.Offset = 0;
            size = Math.Max(size, fieldSize);
            align = Math.Max(align, Packed(fieldAlign, s));
        }

        s.NeedsPragmaPack = s.Pack > 0 && s.Pack < natural;
        Finish(s, size, align);
    }

    // C has no field offsets, so an explicit layout becomes a struct with padding arrays between its fields. That
    // reproduces C# exactly only when fields do not overlap and each sits at a multiple of its own alignment.
    private void ComputeExplicit(CStruct s)
    {
        var ordered = s.Fields.OrderBy(f => f.ExplicitOffset).ToList();
        var withPadding = new List<CField>();
        int end = 0, align = 1, padding = 0;
        foreach (var field in ordered)
        {
            var (size, fieldAlign) = Measure(field.Type);
            int offset = field.ExplicitOffset ?? 0;
            int a = Packed(fieldAlign, s);
            if (offset < end)
            {
                diagnostics.Report(DiagnosticIds.OverlappingFields, field.Origin, $"FieldOffset({offset}) overlaps the field before it; C can only overlap fields in a union (put every field at offset 0, or nest a union)");
                return;
            }

            if (offset % a != 0)
            {
                diagnostics.Report(DiagnosticIds.MisalignedField, field.Origin, $"FieldOffset({offset}) is not a multiple of the field's alignment {a}; C cannot place it there");
                return;
            }

            if (RoundUp(end, a) < offset)
            {
                withPadding.Add(PaddingField(s, padding++, end, offset - end));
            }

            field.Offset = offset;
            withPadding.Add(field);
            end = offset + size;
            align = Math.Max(align, a);
        }

        s.Fields.Clear();
        s.Fields.AddRange(withPadding);
        Finish(s, end, align);
    }

    private void Finish(CStruct s, int end, int align)
    {
        int size = RoundUp(end, align);
        if (s.DeclaredSize > size)
        {
            if (s.DeclaredSize % align != 0)
            {
                diagnostics.Report(DiagnosticIds.OddSize, s.Origin, $"StructLayout.Size = {s.DeclaredSize} is not a multiple of the alignment {align}; C rounds sizes up to it");
            }
            else
            {
                s.Fields.Add(PaddingField(s, s.Fields.Count(f => f.IsPadding), end, s.DeclaredSize - end));
                size = s.DeclaredSize;
            }
        }

        s.Size = size;
        s.Align = align;
    }

    private static CField PaddingField(CStruct s, int index, int offset, int bytes)
        => new($"_padding{index}", $"{s.Origin} (padding)", new CArray(new CPrimitive("uint8_t", 1, 1), bytes)) { IsPadding = true, Offset = offset };

    private static int RoundUp(int value, int align) => (value + align - 1) / align * align;
}

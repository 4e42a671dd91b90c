using System;
using System.Globalization;

using HeaderGen.Model;

namespace HeaderGen.Emit;

/// <summary>C spellings of literal values: the backend's, so the model keeps values typed.</summary>
public static class Literals
{
    public static string Of(CLiteral literal) => literal switch
    {
        CIntegerLiteral i => Integer(i.Value, i.Type.Size, i.Signed),
        CFloatLiteral { Single: true } f => Float((float)f.Value),
        CFloatLiteral f => Double(f.Value),
        CStringLiteral s => String(s.Value),
        CMacroLiteral m => m.Name,
        _ => throw new System.ArgumentOutOfRangeException(nameof(literal), literal, "a literal kind the C backend does not spell"),
    };

    /// <summary>An integer of the given width and signedness, as the exact C type (INT64_C, UINT32_C, ...).</summary>
    public static string Integer(long value, int size, bool signed)
    {
        if (signed)
        {
            if (size == 8)
            {
                return value == long.MinValue ? "(-INT64_C(9223372036854775807) - 1)" : $"INT64_C({value.ToString(CultureInfo.InvariantCulture)})";
            }

            // Parenthesised, so that a macro such as `x - NAME` never reads as `x--5`.
            return value == int.MinValue ? "(-2147483647 - 1)" : value < 0 ? $"({value.ToString(CultureInfo.InvariantCulture)})" : value.ToString(CultureInfo.InvariantCulture);
        }

        ulong unsigned = unchecked((ulong)value);
        return size switch
        {
            8 => $"UINT64_C(0x{unsigned:X})",
            4 => $"0x{unsigned:X}u",
            _ => unsigned.ToString(CultureInfo.InvariantCulture),
        };
    }

    public static string Double(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }

    public static string Float(float value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return (text.Contains('.') || text.Contains('E') ? text : text + ".0") + "f";
    }

    public static string String(string? value)
    {
        var builder = new System.Text.StringBuilder("\"");
        foreach (byte b in System.Text.Encoding.UTF8.GetBytes(value ?? string.Empty))
        {
            builder.Append(b switch
            {
                (byte)'"' => "\\\"",
                (byte)'\\' => "\\\\",
                (byte)'\n' => "\\n",
                (byte)'\t' => "\\t",
                (byte)'?' => "\\?",
                >= 0x20 and < 0x7F => ((char)b).ToString(),
                _ => $"\\{Convert.ToString(b, 8).PadLeft(3, '0')}",
            });
        }

        return builder.Append('"').ToString();
    }
}

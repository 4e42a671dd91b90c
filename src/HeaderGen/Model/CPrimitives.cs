using System.Reflection.Metadata;

namespace HeaderGen.Model;

/// <summary>
/// The one table of primitive types: each C# primitive's C spelling, size and alignment (LP64), shared by the reader
/// (signatures, fixed buffers, constants, framework types) and the passes.
/// </summary>
public static class CPrimitives
{
    public static readonly CPrimitive Bool = new("bool", 1, 1);
    public static readonly CPrimitive Char16 = new("uint16_t", 2, 2);
    public static readonly CPrimitive Char = new("char", 1, 1);
    public static readonly CPrimitive Int8 = new("int8_t", 1, 1);
    public static readonly CPrimitive UInt8 = new("uint8_t", 1, 1);
    public static readonly CPrimitive Int16 = new("int16_t", 2, 2);
    public static readonly CPrimitive UInt16 = new("uint16_t", 2, 2);
    public static readonly CPrimitive Int32 = new("int32_t", 4, 4);
    public static readonly CPrimitive UInt32 = new("uint32_t", 4, 4);
    public static readonly CPrimitive Int64 = new("int64_t", 8, 8);
    public static readonly CPrimitive UInt64 = new("uint64_t", 8, 8);
    public static readonly CPrimitive Float = new("float", 4, 4);
    public static readonly CPrimitive Double = new("double", 8, 8);
    public static readonly CPrimitive IntPtr = new("intptr_t", 8, 8);
    public static readonly CPrimitive UIntPtr = new("uintptr_t", 8, 8);
    public static readonly CPrimitive Long = new("long", 8, 8);
    public static readonly CPrimitive ULong = new("unsigned long", 8, 8);

    public static CPrimitive? Of(PrimitiveTypeCode code) => code switch
    {
        PrimitiveTypeCode.Boolean => Bool,
        PrimitiveTypeCode.Char => Char16,
        PrimitiveTypeCode.SByte => Int8,
        PrimitiveTypeCode.Byte => UInt8,
        PrimitiveTypeCode.Int16 => Int16,
        PrimitiveTypeCode.UInt16 => UInt16,
        PrimitiveTypeCode.Int32 => Int32,
        PrimitiveTypeCode.UInt32 => UInt32,
        PrimitiveTypeCode.Int64 => Int64,
        PrimitiveTypeCode.UInt64 => UInt64,
        PrimitiveTypeCode.Single => Float,
        PrimitiveTypeCode.Double => Double,
        PrimitiveTypeCode.IntPtr => IntPtr,
        PrimitiveTypeCode.UIntPtr => UIntPtr,
        PrimitiveTypeCode.Void => CPrimitive.Void,
        _ => null,
    };

    /// <summary>The primitive of a constant's type code (string and null have none).</summary>
    public static PrimitiveTypeCode? CodeOf(ConstantTypeCode code) => code switch
    {
        ConstantTypeCode.Boolean => PrimitiveTypeCode.Boolean,
        ConstantTypeCode.Char => PrimitiveTypeCode.Char,
        ConstantTypeCode.SByte => PrimitiveTypeCode.SByte,
        ConstantTypeCode.Byte => PrimitiveTypeCode.Byte,
        ConstantTypeCode.Int16 => PrimitiveTypeCode.Int16,
        ConstantTypeCode.UInt16 => PrimitiveTypeCode.UInt16,
        ConstantTypeCode.Int32 => PrimitiveTypeCode.Int32,
        ConstantTypeCode.UInt32 => PrimitiveTypeCode.UInt32,
        ConstantTypeCode.Int64 => PrimitiveTypeCode.Int64,
        ConstantTypeCode.UInt64 => PrimitiveTypeCode.UInt64,
        ConstantTypeCode.Single => PrimitiveTypeCode.Single,
        ConstantTypeCode.Double => PrimitiveTypeCode.Double,
        _ => null,
    };

    /// <summary>The primitive named by a fixed buffer's element type (System.Int32, ...).</summary>
    public static PrimitiveTypeCode? CodeOf(string clrFullName) => clrFullName switch
    {
        "System.Boolean" => PrimitiveTypeCode.Boolean,
        "System.Char" => PrimitiveTypeCode.Char,
        "System.SByte" => PrimitiveTypeCode.SByte,
        "System.Byte" => PrimitiveTypeCode.Byte,
        "System.Int16" => PrimitiveTypeCode.Int16,
        "System.UInt16" => PrimitiveTypeCode.UInt16,
        "System.Int32" => PrimitiveTypeCode.Int32,
        "System.UInt32" => PrimitiveTypeCode.UInt32,
        "System.Int64" => PrimitiveTypeCode.Int64,
        "System.UInt64" => PrimitiveTypeCode.UInt64,
        "System.Single" => PrimitiveTypeCode.Single,
        "System.Double" => PrimitiveTypeCode.Double,
        _ => null,
    };
}

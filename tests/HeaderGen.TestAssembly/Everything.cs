// Every construct a blittable export can use, for HeaderGen's golden header and layout cross-checks.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HeaderGen;

[assembly: DisableRuntimeMarshalling]
[assembly: CPrefix("ts_")]

namespace Samples
{
    /// <summary>Every primitive width.</summary>
    public struct Primitives
    {
        public bool b;
        public sbyte i8;
        public byte u8;
        public short i16;
        public ushort u16;
        public int i32;
        public uint u32;
        public long i64;
        public ulong u64;
        public float f32;
        public double f64;
        /// <summary>A UTF-16 code unit.</summary>
        public char c16;
        public nint iptr;
        public nuint uptr;
        [CType("size_t")] public nuint size;
    }

    /// <summary>Pointers, pointers to pointers, const.</summary>
    public unsafe struct Pointers
    {
        public int* p;
        public int** pp;
        [Const] public byte* cp;
        public void* v;
        public Primitives* sp;
        [CType("const char*")] public byte* name;
    }

    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct Packed1 { public byte a; public ulong b; public ushort c; }

    [StructLayout(LayoutKind.Sequential, Pack = 2)]
    public struct Packed2 { public byte a; public ulong b; public byte c; }

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    public struct Packed4 { public byte a; public double b; public short c; }

    [StructLayout(LayoutKind.Sequential, Pack = 8)]
    public struct Packed8 { public byte a; public double b; }

    /// <summary>StructLayout.Size larger than the fields.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 24)]
    public struct Reserved { public int version; public byte flags; }

    /// <summary>Every field at offset 0: a union.</summary>
    [StructLayout(LayoutKind.Explicit)]
    public struct Number { [FieldOffset(0)] public long i; [FieldOffset(0)] public double d; [FieldOffset(0)] public Rgb rgb; }

    /// <summary>Explicit offsets with gaps: a struct with padding.</summary>
    [StructLayout(LayoutKind.Explicit)]
    public struct Sparse { [FieldOffset(0)] public byte tag; [FieldOffset(4)] public int a; [FieldOffset(16)] public long b; [FieldOffset(32)] public short c; }

    public struct Rgb { public byte r, g, b; }

    /// <summary>Structs inside structs.</summary>
    public struct Nested { public byte kind; public Rgb color; public Primitives all; public Number number; }

    /// <summary>C arrays: fixed buffers and an inline array.</summary>
    public unsafe struct Arrays
    {
        public fixed byte name[16];
        public fixed double weights[3];
        public Vec4 v;
    }

    [InlineArray(4)]
    public struct Vec4 { private float _element0; }

    public enum SByteEnum : sbyte { Min = sbyte.MinValue, Zero = 0, Max = sbyte.MaxValue }
    public enum ByteEnum : byte { None = 0, Max = byte.MaxValue }
    public enum ShortEnum : short { Min = short.MinValue, Max = short.MaxValue }
    public enum UShortEnum : ushort { None = 0, Max = ushort.MaxValue }
    /// <summary>A plain 32-bit enum.</summary>
    public enum Color { /// <summary>No colour.</summary>
        None = 0, Red = 1, Green = 2, Blue = 4 }
    public enum UIntEnum : uint { Small = 1, Large = 0xFFFFFFF0 }
    public enum LongEnum : long { Min = long.MinValue, Minus = -1, Max = long.MaxValue }
    public enum ULongEnum : ulong { None = 0, Max = ulong.MaxValue }

    /// <summary>Bit flags of three widths.</summary>
    [Flags] public enum Access : uint { Read = 1, Write = 2, Execute = 4, Admin = 0x80000000 }
    [Flags] public enum SmallFlags : byte { One = 1, Two = 2, High = 0x80 }
    [Flags] public enum WideFlags : ulong { Low = 1, High = 1UL << 63 }

    /// <summary>A tagged union: Shape::Circle(r) or Shape::Rect { w, h }.</summary>
    [CEnumPrefix("TS_SHAPE_")]
    public enum ShapeKind { Circle = 0, Rect = 1 }
    public struct Circle { public double radius; }
    public struct Rect { public float w, h; }
    [StructLayout(LayoutKind.Explicit)]
    public struct ShapeData { [FieldOffset(0)] public Circle circle; [FieldOffset(0)] public Rect rect; }
    public struct Shape { public ShapeKind kind; public ShapeData data; }

    /// <summary>An opaque handle.</summary>
    [COpaque] public struct Session { }
    public struct Window;

    /// <summary>Cycles through pointers.</summary>
    public unsafe struct Node { public int value; public Node* next; public Tree* owner; }
    public unsafe struct Tree { public Node* root; public nuint count; }

    /// <summary>A callback with named parameters and a const pointer.</summary>
    public unsafe delegate int Visitor(void* user_data, [Const] Node* node);
    [UnmanagedFunctionPointer(CallingConvention.StdCall)]
    public unsafe delegate void StdcallHook(int code);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public unsafe delegate double CdeclMath(double x, double y);
    [CName("ts_progress_fn")]
    public unsafe delegate bool Progress(void* user_data, ulong done, ulong total);

    /// <summary>Callbacks stored in a struct.</summary>
    public unsafe struct Hooks
    {
        [CCallback(typeof(Visitor))] public delegate* unmanaged<void*, Node*, int> visit;
        [CCallback(typeof(StdcallHook))] public delegate* unmanaged[Stdcall]<int, void> hook;
        [CCallback(typeof(CdeclMath))] public delegate* unmanaged[Cdecl]<double, double, double> math;
        public void* user_data;
    }

    /// <summary>Fields and parameters named like C++ keywords.</summary>
    public struct Keywords { public int template; public int @class; public int @new; public int normal; }

    [CName("ts_renamed")]
    public struct ExplicitlyNamed { [CName("renamed_field")] public int original; }

    /// <summary>Limits of the library.</summary>
    [CConstants]
    public static class Limits
    {
        /// <summary>The most items.</summary>
        public const int MaxItems = 256;
        public const long Huge = 1L << 40;
        public const uint Mask = 0xFFFF0000;
        public const ulong AllBits = ulong.MaxValue;
        public const short Negative = -5;
        public const string Name = "test \"assembly\"";
        public const double Pi = 3.141592653589793;
        public const float Half = 0.5f;
        public const bool Enabled = true;
        public const char Letter = 'A';
        [CName("TS_CUSTOM_NAME")] public const int Custom = 7;
        [CIgnore] public const int Hidden = 1;
        internal const int NotPublic = 2;
    }
}

namespace DNNE
{
    internal sealed class C99TypeAttribute : Attribute { public C99TypeAttribute(string code) { } }
    internal sealed class C99DeclCodeAttribute : Attribute { public C99DeclCodeAttribute(string code) { } }
}

namespace Samples
{
    /// <summary>Every export shape.</summary>
    public static unsafe class Api
    {
        /// <summary>Takes and returns primitives by value.</summary>
        /// <param name="p">All the widths.</param>
        /// <returns>Their sum, more or less.</returns>
        [UnmanagedCallersOnly(EntryPoint = "ts_use_primitives")]
        public static double PrimitivesByValue(Primitives p) => p.f64;

        [UnmanagedCallersOnly(EntryPoint = "ts_use_pointers")]
        public static void* PointersAndConst(Pointers* p, [Const] Pointers* q, int** out_values, [Const] byte* bytes) => null;

        [UnmanagedCallersOnly(EntryPoint = "ts_layouts")]
        public static void Layouts(Packed1 a, Packed2 b, Packed4 c, Packed8 d, Reserved e, Number f, Sparse g, Nested h, Arrays* i) { }

        [UnmanagedCallersOnly(EntryPoint = "ts_enums")]
        public static Color Enums(SByteEnum a, ByteEnum b, ShortEnum c, UShortEnum d, UIntEnum e, LongEnum f, ULongEnum g) => Color.Red;

        [UnmanagedCallersOnly(EntryPoint = "ts_flags")]
        public static Access Flags(Access a, SmallFlags b, WideFlags c) => a;

        [UnmanagedCallersOnly(EntryPoint = "ts_shape_area")]
        public static double ShapeArea([Const] Shape* s) => 0;

        [UnmanagedCallersOnly(EntryPoint = "ts_shape_circle")]
        public static Shape NewCircle(double radius) => default;

        [UnmanagedCallersOnly(EntryPoint = "ts_session_open")]
        public static int SessionOpen([CType("const char*")] byte* path, Session** @out) => 0;

        [UnmanagedCallersOnly(EntryPoint = "ts_session_close")]
        public static void SessionClose(Session* session) { }

        [UnmanagedCallersOnly(EntryPoint = "ts_window_of")]
        public static Window* WindowOf(Session* session) => null;

        [UnmanagedCallersOnly(EntryPoint = "ts_walk")]
        public static int Walk(Tree* tree, [CCallback(typeof(Visitor))] delegate* unmanaged<void*, Node*, int> visit, void* user_data) => 0;

        [UnmanagedCallersOnly(EntryPoint = "ts_set_hooks")]
        public static void SetHooks([Const] Hooks* hooks, [CCallback(typeof(Progress))] delegate* unmanaged<void*, ulong, ulong, bool> progress) { }

        [UnmanagedCallersOnly(EntryPoint = "ts_cdecl", CallConvs = new[] { typeof(CallConvCdecl) })]
        public static int Cdecl(int x) => x;

        [UnmanagedCallersOnly(EntryPoint = "ts_stdcall", CallConvs = new[] { typeof(CallConvStdcall) })]
        public static int Stdcall(int x) => x;

        [UnmanagedCallersOnly(EntryPoint = "ts_fastcall", CallConvs = new[] { typeof(CallConvFastcall) })]
        public static int Fastcall(int x) => x;

        [UnmanagedCallersOnly(EntryPoint = "ts_thiscall", CallConvs = new[] { typeof(CallConvThiscall) })]
        public static int Thiscall(void* self, int x) => x;

        [UnmanagedCallersOnly(EntryPoint = "ts_use_keywords")]
        public static int KeywordParameters(Keywords k, int @default, int @delete, int @this) => 0;

        [UnmanagedCallersOnly(EntryPoint = "ts_type_named_parameter")]
        public static void TypeNamedParameter(Rgb* ts_rgb) { }

        [UnmanagedCallersOnly(EntryPoint = "ts_renamed_use")]
        public static void Renamed(ExplicitlyNamed* value, [CName("size_in_bytes")][CType("size_t")] nuint length) { }

        [UnmanagedCallersOnly(EntryPoint = "ts_no_arguments")]
        public static void NoArguments() { }

        [UnmanagedCallersOnly(EntryPoint = "ts_dnne")]
        [DNNE.C99DeclCode("struct ts_dnne_extra { int32_t value; };")]
        [return: DNNE.C99Type("struct ts_dnne_extra*")]
        public static void* Dnne([DNNE.C99Type("const struct ts_dnne_extra*")] void* extra) => extra;

        [UnmanagedCallersOnly]
        [CIgnore]
        public static void CallbackNotExported() { }
    }
}

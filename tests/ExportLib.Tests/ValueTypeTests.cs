using System.Linq;
using HeaderGen;
using NUnit.Framework;

namespace ExportLib.Tests;

public class ValueTypeTests
{
    [Test]
    public void OrangePacksToTheContractValue()
    {
        var orange = new Rgba { r = 229, g = 131, b = 57, a = 255 };
        Assert.That(orange.Pack(), Is.EqualTo(0xFF3983E5u));
        Assert.That(Rgba.Unpack(0xFF3983E5u), Is.EqualTo(orange));
    }

    [TestCase(0u)]
    [TestCase(0xFFFFFFFFu)]
    [TestCase(0x01020304u)]
    [TestCase(0x80000001u)]
    public void UnpackIsTheInverseOfPack(uint value) => Assert.That(Rgba.Unpack(value).Pack(), Is.EqualTo(value));

    [Test]
    public void ExampleSumWraps()
    {
        var e = new Example { tiny = true, normal = 1, small = 1, long_value = ulong.MaxValue, short_value = 1 };
        Assert.That(e.Sum(), Is.EqualTo(3ul));
        Assert.That(new Example().Sum(), Is.EqualTo(0ul));
        var f = new Example { tiny = false, normal = 10, small = 20, long_value = 30, short_value = 40 };
        Assert.That(f.Sum(), Is.EqualTo(100ul));
    }
}

public class TypeLayoutTests
{
    [Test]
    public void ExampleHasTheContractLayout()
    {
        var layout = TypeLayouts.Find("el_example")!;
        Assert.That(layout.Size, Is.EqualTo(32u));
        Assert.That(layout.Align, Is.EqualTo(8u));
        Assert.That(layout.FieldOffsets["tiny"], Is.EqualTo(0u));
        Assert.That(layout.FieldOffsets["normal"], Is.EqualTo(4u));
        Assert.That(layout.FieldOffsets["small"], Is.EqualTo(8u));
        Assert.That(layout.FieldOffsets["long_value"], Is.EqualTo(16u));
        Assert.That(layout.FieldOffsets["short_value"], Is.EqualTo(24u));
    }

    [Test]
    public void AlignmentIsMeasuredNotAssumed()
    {
        Assert.That(TypeLayouts.Find("el_rgba")!.Align, Is.EqualTo(1u));
        Assert.That(TypeLayouts.Find("el_point")!.Align, Is.EqualTo(8u));
        Assert.That(TypeLayouts.Find("el_type_layout")!.Align, Is.EqualTo(4u));
        Assert.That(TypeLayouts.Find("el_type_layout")!.Size, Is.EqualTo(12u));
    }

    [Test]
    public void UnknownNamesAreNotFound()
    {
        Assert.That(TypeLayouts.Find("el_nope"), Is.Null);
        Assert.That(TypeLayouts.Find("Example"), Is.Null);
    }

    [Test]
    public void EveryRegisteredTypeHasAPrefixedCName()
    {
        var names = TypeLayouts.All.Select(l => l.CName).ToList();
        Assert.That(names, Is.All.StartsWith("el_"));
        Assert.That(names, Is.Unique);
    }
}

public class FieldPlacementTests
{
    [CName("el_test_bools")]
    internal struct Bools
    {
        public bool a;
        public bool b;
        public char c;
        public byte d;
        public bool e;
        public short f;
        public Point p;
        public double g;
        public FooData data;
    }

    [Test]
    public void OffsetsAreWhereTheRuntimeReallyPutsFields()
    {
        var layout = TypeLayouts.Measure<Bools>();
        var x = default(Bools);
        uint Real<T>(ref T field) => (uint)System.Runtime.CompilerServices.Unsafe.ByteOffset(
            ref System.Runtime.CompilerServices.Unsafe.As<Bools, byte>(ref x), ref System.Runtime.CompilerServices.Unsafe.As<T, byte>(ref field));
        Assert.That(layout.FieldOffsets["a"], Is.EqualTo(Real(ref x.a)));
        Assert.That(layout.FieldOffsets["b"], Is.EqualTo(Real(ref x.b)).And.EqualTo(1u));
        Assert.That(layout.FieldOffsets["c"], Is.EqualTo(Real(ref x.c)).And.EqualTo(2u));
        Assert.That(layout.FieldOffsets["d"], Is.EqualTo(Real(ref x.d)));
        Assert.That(layout.FieldOffsets["e"], Is.EqualTo(Real(ref x.e)));
        Assert.That(layout.FieldOffsets["f"], Is.EqualTo(Real(ref x.f)));
        Assert.That(layout.FieldOffsets["p"], Is.EqualTo(Real(ref x.p)));
        Assert.That(layout.FieldOffsets["g"], Is.EqualTo(Real(ref x.g)));
        Assert.That(layout.FieldOffsets["data"], Is.EqualTo(Real(ref x.data)));
        Assert.That(layout.Size, Is.EqualTo((uint)System.Runtime.CompilerServices.Unsafe.SizeOf<Bools>()));
    }
}

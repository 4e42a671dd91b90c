using System;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
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

public class GeneratedLayoutTests
{
    // An independent measurement: the IL ldflda instruction on a local, minus the local's address.
    private static int Ldflda(Type type, FieldInfo field)
    {
        var method = new DynamicMethod($"OffsetOf_{type.Name}_{field.Name}", typeof(int), Type.EmptyTypes, typeof(GeneratedLayoutTests).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        var local = il.DeclareLocal(type);
        il.Emit(OpCodes.Ldloca, local);
        il.Emit(OpCodes.Ldflda, field);
        il.Emit(OpCodes.Ldloca, local);
        il.Emit(OpCodes.Sub);
        il.Emit(OpCodes.Conv_I4);
        il.Emit(OpCodes.Ret);
        return (int)method.Invoke(null, null)!;
    }

    private static int SizeOf(Type type)
        => (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!;

    [Test]
    public void EveryCNamedStructAndFieldIsMeasuredWhereTheRuntimePutsIt()
    {
        var structs = typeof(Rgba).Assembly.GetTypes()
            .Where(t => t.IsValueType && !t.IsEnum && t.GetCustomAttribute<CNameAttribute>() is not null && t.GetCustomAttribute<COpaqueAttribute>() is null)
            .ToList();
        Assert.That(structs, Has.Count.EqualTo(TypeLayouts.Count), "every [CName] struct is in the registry, and nothing else");
        foreach (var type in structs)
        {
            string name = type.GetCustomAttribute<CNameAttribute>()!.Name;
            var layout = TypeLayouts.Find(name);
            Assert.That(layout, Is.Not.Null, name);
            Assert.That(layout!.Size, Is.EqualTo((uint)SizeOf(type)), name);
            var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
            Assert.That(layout.FieldOffsets.Keys, Is.EquivalentTo(fields.Select(f => f.GetCustomAttribute<CNameAttribute>()?.Name ?? f.Name)), name);
            foreach (var field in fields)
            {
                string fieldName = field.GetCustomAttribute<CNameAttribute>()?.Name ?? field.Name;
                Assert.That(layout.FieldOffsets[fieldName], Is.EqualTo((uint)Ldflda(type, field)), $"{name}.{fieldName}");
            }
        }
    }

    [Test]
    public void AlignmentIsTheRuntimes()
    {
        Assert.That(TypeLayouts.Find("el_foo_baz")!.Align, Is.EqualTo(8u));
        Assert.That(TypeLayouts.Find("el_foo_data")!.Align, Is.EqualTo(8u));
        Assert.That(TypeLayouts.Find("el_foo")!.FieldOffsets["data"], Is.EqualTo(8u));
        Assert.That(TypeLayouts.Find("el_event")!.Size, Is.EqualTo(24u));
    }
}

using HeaderGen.Emit;
using HeaderGen.Model;
using HeaderGen.Reading;
using NUnit.Framework;

namespace HeaderGen.Tests;

public class NamingRulesTests
{
    [TestCase("Point", "point")]
    [TestCase("TypeLayout", "type_layout")]
    [TestCase("DeviceFlags", "device_flags")]
    [TestCase("DisableGpuTimeout", "disable_gpu_timeout")]
    [TestCase("Utf8", "utf8")]
    [TestCase("Utf16Text", "utf16_text")]
    [TestCase("XXH3Hash", "xxh3_hash")]
    [TestCase("IPAddress", "ip_address")]
    [TestCase("already_snake", "already_snake")]
    [TestCase("A", "a")]
    public void SnakeCase(string input, string expected) => Assert.That(NamingRules.SnakeCase(input), Is.EqualTo(expected));

    [TestCase("ErrNullArgument", "ERR_NULL_ARGUMENT")]
    [TestCase("ErrInvalidUtf16", "ERR_INVALID_UTF16")]
    [TestCase("Singlethreaded", "SINGLETHREADED")]
    public void UpperSnakeCase(string input, string expected) => Assert.That(NamingRules.UpperSnakeCase(input), Is.EqualTo(expected));

    [TestCase("template")]
    [TestCase("class")]
    [TestCase("default")]
    [TestCase("int")]
    [TestCase("new")]
    public void KeywordsOfCAndCppAreKnown(string word) => Assert.That(NamingRules.Keywords, Does.Contain(word));

    [TestCase("abc", true)]
    [TestCase("_x1", true)]
    [TestCase("1x", false)]
    [TestCase("a-b", false)]
    [TestCase("", false)]
    public void Identifiers(string name, bool valid) => Assert.That(NamingRules.IsIdentifier(name), Is.EqualTo(valid));
}

public class LiteralTests
{
    [TestCase(0L, 4, true, "0")]
    [TestCase(-5L, 4, true, "(-5)")]
    [TestCase(-128L, 1, true, "(-128)")]
    [TestCase(int.MinValue, 4, true, "(-2147483647 - 1)")]
    [TestCase(long.MinValue, 8, true, "(-INT64_C(9223372036854775807) - 1)")]
    [TestCase(7L, 8, true, "INT64_C(7)")]
    [TestCase(0x903L, 4, false, "0x903u")]
    [TestCase(-1L, 8, false, "UINT64_C(0xFFFFFFFFFFFFFFFF)")]
    [TestCase(255L, 1, false, "255")]
    public void Integers(long value, int size, bool signed, string expected) => Assert.That(Literals.Integer(value, size, signed), Is.EqualTo(expected));

    [Test]
    public void Strings() => Assert.That(Literals.String("a\"b\\c\n\u00e9?"), Is.EqualTo("\"a\\\"b\\\\c\\n\\303\\251\\?\""));

    [Test]
    public void FloatingPointRoundTrips()
    {
        Assert.That(Literals.Double(0.1), Is.EqualTo("0.1"));
        Assert.That(Literals.Double(2), Is.EqualTo("2.0"));
        Assert.That(Literals.Float(1.5f), Is.EqualTo("1.5f"));
    }
}

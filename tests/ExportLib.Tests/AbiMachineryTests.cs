using System;
using System.Text;
using ExportLib.Abi;
using NUnit.Framework;

namespace ExportLib.Tests;

public class StatusNameTests
{
    [Test]
    public void EveryStatusIsNamedAsInTheContract()
    {
        Assert.That(StatusNames.Of(Status.Ok), Is.EqualTo("EL_OK"));
        Assert.That(StatusNames.Of(Status.ErrNullArgument), Is.EqualTo("EL_ERR_NULL_ARGUMENT"));
        Assert.That(StatusNames.Of(Status.ErrInvalidArgument), Is.EqualTo("EL_ERR_INVALID_ARGUMENT"));
        Assert.That(StatusNames.Of(Status.ErrInvalidHandle), Is.EqualTo("EL_ERR_INVALID_HANDLE"));
        Assert.That(StatusNames.Of(Status.ErrBufferTooSmall), Is.EqualTo("EL_ERR_BUFFER_TOO_SMALL"));
        Assert.That(StatusNames.Of(Status.ErrInvalidUtf8), Is.EqualTo("EL_ERR_INVALID_UTF8"));
        Assert.That(StatusNames.Of(Status.ErrInvalidUtf16), Is.EqualTo("EL_ERR_INVALID_UTF16"));
        Assert.That(StatusNames.Of(Status.ErrWrongThread), Is.EqualTo("EL_ERR_WRONG_THREAD"));
        Assert.That(StatusNames.Of(Status.ErrInvalidState), Is.EqualTo("EL_ERR_INVALID_STATE"));
        Assert.That(StatusNames.Of(Status.ErrBorrowed), Is.EqualTo("EL_ERR_BORROWED"));
        Assert.That(StatusNames.Of(Status.ErrOutOfMemory), Is.EqualTo("EL_ERR_OUT_OF_MEMORY"));
        Assert.That(StatusNames.Of(Status.ErrInternal), Is.EqualTo("EL_ERR_INTERNAL"));
    }

    [TestCase(-1)]
    [TestCase(11)]
    [TestCase(99)]
    [TestCase(101)]
    [TestCase(int.MinValue)]
    public void ValuesOutsideTheEnumAreUnknown(int value)
        => Assert.That(StatusNames.Of((Status)value), Is.EqualTo("EL_UNKNOWN_STATUS"));

    [Test]
    public unsafe void PointersAreStableAndTerminated()
    {
        byte* a = StatusNames.Pointer(Status.ErrBorrowed);
        byte* b = StatusNames.Pointer(Status.ErrBorrowed);
        Assert.That((nint)a, Is.EqualTo((nint)b));
        Assert.That(new string((sbyte*)a), Is.EqualTo("EL_ERR_BORROWED"));
    }
}

public unsafe class CallerBufferTests
{
    [SetUp]
    public void Clear() => ErrorSlot.Clear();

    [Test]
    public void WritesTextAndTerminator()
    {
        byte* buf = stackalloc byte[8];
        nuint required = 0;
        var status = CallerBuffer.Write<byte>("abc"u8, buf, 8, &required);
        Assert.That(status, Is.EqualTo(Status.Ok));
        Assert.That(required, Is.EqualTo((nuint)4));
        Assert.That(new string((sbyte*)buf), Is.EqualTo("abc"));
    }

    [Test]
    public void SizeQueryIsNotAFailure()
    {
        nuint required = 0;
        var status = CallerBuffer.Write<byte>("abcdef"u8, null, 0, &required);
        Assert.That(status, Is.EqualTo(Status.ErrBufferTooSmall));
        Assert.That(required, Is.EqualTo((nuint)7));
        Assert.That(ErrorSlot.LastStatus, Is.EqualTo(Status.Ok));
    }

    [Test]
    public void ShortBufferGetsNothingAndIsRecorded()
    {
        byte* buf = stackalloc byte[4];
        new Span<byte>(buf, 4).Fill((byte)'x');
        nuint required = 0;
        var status = CallerBuffer.Write<byte>("abcd"u8, buf, 4, &required);
        Assert.That(status, Is.EqualTo(Status.ErrBufferTooSmall));
        Assert.That(required, Is.EqualTo((nuint)5));
        Assert.That(new Span<byte>(buf, 4).ToArray(), Is.All.EqualTo((byte)'x'));
        Assert.That(ErrorSlot.LastStatus, Is.EqualTo(Status.ErrBufferTooSmall));
    }

    [Test]
    public void NullBufferWithLengthIsANullArgumentAndLeavesRequiredAlone()
    {
        nuint required = 42;
        var status = CallerBuffer.Write<byte>("abcd"u8, null, 9, &required);
        Assert.That(status, Is.EqualTo(Status.ErrNullArgument));
        Assert.That(required, Is.EqualTo((nuint)42));
        Assert.That(ErrorSlot.LastStatus, Is.EqualTo(Status.ErrNullArgument));
    }

    [Test]
    public void Utf16UnitsCountInUnits()
    {
        ushort* buf = stackalloc ushort[3];
        nuint required = 0;
        var status = CallerBuffer.Write<ushort>(new ushort[] { 0xD83D, 0xDE00 }, buf, 3, &required);
        Assert.That(status, Is.EqualTo(Status.Ok));
        Assert.That(required, Is.EqualTo((nuint)3));
        Assert.That(buf[2], Is.EqualTo((ushort)0));
    }

    [Test]
    public void UnrecordedModeNeverTouchesTheLastError()
    {
        ErrorSlot.Record(Status.ErrInvalidState, "el_test", "kept");
        byte* buf = stackalloc byte[2];
        Assert.That(CallerBuffer.Write<byte>("abcd"u8, buf, 2, null, record: false), Is.EqualTo(Status.ErrBufferTooSmall));
        Assert.That(CallerBuffer.Write<byte>("abcd"u8, null, 2, null, record: false), Is.EqualTo(Status.ErrNullArgument));
        Assert.That(ErrorSlot.LastStatus, Is.EqualTo(Status.ErrInvalidState));
        Assert.That(ErrorSlot.LastMessage, Is.EqualTo("el_test: kept"));
    }
}

public class GuardTests
{
    [SetUp]
    public void Clear() => ErrorSlot.Clear();

    [Test]
    public void FailRecordsStatusAndMessageWithTheFunctionName()
    {
        var status = Guard.Fail(Status.ErrInvalidState, "the state is wrong", "el_something");
        Assert.That(status, Is.EqualTo(Status.ErrInvalidState));
        Assert.That(ErrorSlot.LastStatus, Is.EqualTo(Status.ErrInvalidState));
        Assert.That(ErrorSlot.LastMessage, Is.EqualTo("el_something: the state is wrong"));
    }

    [Test]
    public void UnexpectedExceptionsBecomeInternal()
    {
        var status = Guard.Internal(new InvalidOperationException("boom"), "el_x");
        Assert.That(status, Is.EqualTo(Status.ErrInternal));
        Assert.That(ErrorSlot.LastMessage, Does.Contain("InvalidOperationException").And.Contain("boom"));
    }

    [Test]
    public void OutOfMemoryIsReportedAsSuch()
        => Assert.That(Guard.Internal(new OutOfMemoryException(), "el_x"), Is.EqualTo(Status.ErrOutOfMemory));

    [Test]
    public void FallbackValuesAreReturned()
        => Assert.That(Guard.Internal(new Exception(), 17u, "el_x"), Is.EqualTo(17u));

    [Test]
    public void TheLastErrorIsPerThread()
    {
        Guard.Fail(Status.ErrBorrowed, "here", "el_x");
        Status seen = Status.ErrInternal;
        var thread = new System.Threading.Thread(() => seen = ErrorSlot.LastStatus);
        thread.Start();
        thread.Join();
        Assert.That(seen, Is.EqualTo(Status.Ok));
        Assert.That(ErrorSlot.LastStatus, Is.EqualTo(Status.ErrBorrowed));
    }

    [Test]
    public unsafe void InvalidUtf8InInputShowsAsReplacementCharacters()
    {
        byte[] bytes = { (byte)'a', 0xFF, 0xC0, 0xAF, (byte)'b', 0 };
        fixed (byte* p = bytes)
        {
            string text = Utf8Text.Decode(p);
            Assert.That(text, Does.StartWith("a").And.EndWith("b").And.Contain("\uFFFD"));
            Assert.That(System.Text.Unicode.Utf8.IsValid(Encoding.UTF8.GetBytes(text)), Is.True);
        }
    }
}

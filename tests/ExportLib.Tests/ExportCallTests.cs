using System.Runtime.InteropServices;
using ExportLib.Abi;
using NUnit.Framework;

namespace ExportLib.Tests;

/// <summary>The exports themselves, called through unmanaged function pointers as C would call them.</summary>
public unsafe class ExportCallTests
{
    [SetUp]
    public void Clear() => ErrorSlot.Clear();

    [Test]
    public void VersionMatchesTheConstants()
    {
        delegate* unmanaged<uint> version = &Version.el_version;
        delegate* unmanaged<byte*> text = &Version.el_version_string;
        Assert.That(version(), Is.EqualTo((uint)(Version.Major << 16 | Version.Minor << 8 | Version.Patch)));
        Assert.That(Marshal.PtrToStringUTF8((nint)text()), Is.EqualTo($"{Version.Major}.{Version.Minor}.{Version.Patch}"));
    }

    [Test]
    public void DebugFlagRoundTrips()
    {
        delegate* unmanaged<bool> get = &Version.el_get_debug;
        delegate* unmanaged<bool, void> set = &Version.el_set_debug;
        set(true);
        Assert.That(get(), Is.True);
        set(false);
        Assert.That(get(), Is.False);
    }

    [Test]
    public void LayoutIntrospectionAnswersAndRejects()
    {
        delegate* unmanaged<byte*, TypeLayout*, Status> layout = &LayoutIntrospectionExports.el_abi_type_layout;
        delegate* unmanaged<byte*, byte*, uint*, Status> offset = &LayoutIntrospectionExports.el_abi_field_offset;
        TypeLayout result;
        uint fieldOffset = 99;
        fixed (byte* point = "el_point\0"u8, y = "y\0"u8, nope = "el_nope\0"u8)
        {
            Assert.That(layout(point, &result), Is.EqualTo(Status.Ok));
            Assert.That((result.size, result.align, result.field_count), Is.EqualTo((16u, 8u, 2u)));
            Assert.That(offset(point, y, &fieldOffset), Is.EqualTo(Status.Ok));
            Assert.That(fieldOffset, Is.EqualTo(8u));
            Assert.That(layout(nope, &result), Is.EqualTo(Status.ErrInvalidArgument));
            Assert.That(layout(null, &result), Is.EqualTo(Status.ErrNullArgument));
            Assert.That(layout(point, null), Is.EqualTo(Status.ErrNullArgument));
        }
    }

    [Test]
    public void LastErrorMessageFollowsTheBufferRules()
    {
        delegate* unmanaged<byte*, nuint, nuint*, Status> message = &Errors.el_last_error_message;
        delegate* unmanaged<Status> status = &Errors.el_last_error_status;
        Guard.Fail(Status.ErrInvalidState, "abc", "el_f");
        nuint required = 0;
        Assert.That(message(null, 0, &required), Is.EqualTo(Status.ErrBufferTooSmall));
        Assert.That(required, Is.EqualTo((nuint)"el_f: abc".Length + 1));
        byte* buf = stackalloc byte[64];
        Assert.That(message(buf, 64, null), Is.EqualTo(Status.Ok));
        Assert.That(Marshal.PtrToStringUTF8((nint)buf), Is.EqualTo("el_f: abc"));
        Assert.That(status(), Is.EqualTo(Status.ErrInvalidState));
    }
}

using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ExportLib.Abi;
using NUnit.Framework;

namespace ExportLib.Tests;

public class ChainedCrc32Tests
{
    // An independent bit-at-a-time CRC-32 (zlib's definition), to compare against.
    private static uint Reference(uint crc, byte[] data)
    {
        crc = ~crc;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    [Test]
    public void CheckValue() => Assert.That(ChainedCrc32.Update(0, "123456789"u8), Is.EqualTo(0xCBF43926u));

    [Test]
    public void SteeringReachesEveryTargetState()
    {
        var random = new Random(7);
        Span<byte> prefix = stackalloc byte[4];
        for (int i = 0; i < 1000; i++)
        {
            uint target = (uint)random.NextInt64(0, 1L << 32);
            ChainedCrc32.Steer(target, prefix);
            // Four bytes from the initial register must leave it at the target: CRC(prefix) = ~target.
            Assert.That(Reference(0, prefix.ToArray()), Is.EqualTo(~target));
        }
    }

    [Test]
    public void ChainingEqualsTheReference()
    {
        var random = new Random(11);
        foreach (int length in new[] { 0, 1, 3, 4, 15, 16, 17, 64, 1000, 4096 })
        {
            var data = new byte[length];
            random.NextBytes(data);
            uint previous = (uint)random.NextInt64(0, 1L << 32);
            Assert.That(ChainedCrc32.Update(previous, data), Is.EqualTo(Reference(previous, data)), $"length {length}");
        }
    }
}

public class DeviceFlagTests
{
    [Test]
    public void DescribeInAscendingBitOrder()
    {
        Assert.That(DeviceFlagNames.Describe(0), Is.EqualTo(string.Empty));
        Assert.That(DeviceFlagNames.Describe(DeviceFlags.DisableGpuTimeout | DeviceFlags.Singlethreaded), Is.EqualTo("SINGLETHREADED|DISABLE_GPU_TIMEOUT"));
        Assert.That(DeviceFlagNames.All, Is.EqualTo((DeviceFlags)0x903));
    }

    [TestCase("", 0u)]
    [TestCase("DEBUG", 2u)]
    [TestCase("SINGLETHREADED | DEBUG", 3u)]
    [TestCase("VIDEO_SUPPORT|DISABLE_GPU_TIMEOUT", 0x900u)]
    [TestCase("  DEBUG  |SINGLETHREADED", 3u)]
    public void ParsesValidText(string text, uint expected)
    {
        Assert.That(DeviceFlagNames.TryParse(Encoding.UTF8.GetBytes(text), out var flags, out _), Is.True);
        Assert.That((uint)flags, Is.EqualTo(expected));
    }

    [TestCase("debug")]
    [TestCase("DEBUG|")]
    [TestCase("|")]
    [TestCase(" ")]
    [TestCase("3")]
    [TestCase("DEBUG,SINGLETHREADED")]
    [TestCase("DEBUG\t")]
    public void RejectsInvalidText(string text)
        => Assert.That(DeviceFlagNames.TryParse(Encoding.UTF8.GetBytes(text), out _, out string problem), Is.False, problem);
}

public class TaggedUnionTests
{
    [Test]
    public void DescribesBothVariants()
    {
        Assert.That(Foo.NewBar(42).Describe(), Is.EqualTo("Bar(42)"));
        Assert.That(Foo.NewBaz(true, 1.5).Describe(), Is.EqualTo("Baz { a: true, b: 1.5 }"));
        Assert.That(Foo.NewBaz(false, 1e21).Describe(), Is.EqualTo("Baz { a: false, b: 1E+21 }"));
        Assert.That(Foo.NewBaz(false, double.NaN).Describe(), Is.EqualTo("Baz { a: false, b: NaN }"));
        Assert.That(new Foo { tag = (FooTag)5 }.Describe(), Is.Null);
    }
}

public class TextElementTests
{
    [TestCase("abc", "cba")]
    [TestCase("e\u0301x", "xe\u0301")]
    [TestCase("\U0001F1EB\U0001F1F7!", "!\U0001F1EB\U0001F1F7")]
    [TestCase("a\U0001F468\u200D\U0001F469\u200D\U0001F467b", "b\U0001F468\u200D\U0001F469\u200D\U0001F467a")]
    [TestCase("\r\n.", ".\r\n")]
    [TestCase("", "")]
    public void ReversesGraphemeClusters(string input, string expected)
        => Assert.That(StringExports.ReverseTextElements(input), Is.EqualTo(expected));
}

public class HandleTableTests
{
    [Test]
    public void HandlesAreCheckedForKindAndLiveness()
    {
        object target = new();
        nint handle = HandleTable.Add(HandleKind.Context, target);
        Assert.That(handle, Is.Not.EqualTo(nint.Zero));
        Assert.That(HandleTable.Get(handle, HandleKind.Context), Is.SameAs(target));
        Assert.That((HandleTable.Get(handle, HandleKind.EventLoop)), Is.Null);
        Assert.That(HandleTable.Remove(handle, HandleKind.Subobject, out _, out _), Is.False);
        Assert.That(HandleTable.Remove(handle, HandleKind.Context, out var removed, out _), Is.True);
        Assert.That(removed, Is.SameAs(target));
        Assert.That(HandleTable.Get(handle, HandleKind.Context), Is.Null);
        Assert.That(HandleTable.Remove(handle, HandleKind.Context, out _, out _), Is.False, "double free");
    }

    [Test]
    public void StateLivesInTheSlotAndDiesWithTheHandle()
    {
        nint handle = HandleTable.Add(HandleKind.Context, null, 0x1234);
        ref long word = ref HandleTable.WordOf(handle, HandleKind.Context);
        Assert.That(HandleTable.IsLive(word, handle), Is.True);
        Assert.That(word & HandleTable.StateMask, Is.EqualTo(0x1234));
        Assert.That(Unsafe.IsNullRef(ref HandleTable.WordOf(handle, HandleKind.EventLoop)), Is.True, "another kind has no slot");
        Assert.That(HandleTable.Remove(handle, HandleKind.Context, out _, out uint last), Is.True);
        Assert.That(last, Is.EqualTo(0x1234u), "the last state is handed to the one who freed it");

        nint reused = HandleTable.Add(HandleKind.Context, null, 7);
        Assert.That(reused & 0xFFFF_FFFF, Is.EqualTo(handle & 0xFFFF_FFFF), "the slot is reused");
        Assert.That(HandleTable.IsLive(HandleTable.WordOf(handle, HandleKind.Context), handle), Is.False, "the stale handle's word is gone");
        HandleTable.Remove(reused, HandleKind.Context, out _, out _);
    }

    [Test]
    public void AReusedSlotDoesNotReviveAStaleHandle()
    {
        nint first = HandleTable.Add(HandleKind.Context, new object());
        HandleTable.Remove(first, HandleKind.Context, out _, out _);
        object second = new();
        nint reused = HandleTable.Add(HandleKind.Context, second);
        Assert.That(reused & 0xFFFF_FFFF, Is.EqualTo(first & 0xFFFF_FFFF), "the slot is reused");
        Assert.That((HandleTable.Get(first, HandleKind.Context)), Is.Null);
        Assert.That((HandleTable.Get(reused, HandleKind.Context)), Is.SameAs(second));
        HandleTable.Remove(reused, HandleKind.Context, out _, out _);
    }

    [TestCase(0L)]
    [TestCase(1L)]
    [TestCase(-1L)]
    [TestCase(0x7FFF_FFFF_FFFF_FFFFL)]
    [TestCase(0x0100_0001_0000_0001L)]
    public void MadeUpValuesAreRejected(long value)
        => Assert.That((HandleTable.Get((nint)value, HandleKind.Context)), Is.Null);

    [Test]
    public void ConcurrentAddGetRemoveLosesNothing()
    {
        int before = HandleTable.LiveCount;
        int wrong = 0;
        Parallel.For(0, 4, worker =>
        {
            for (int i = 0; i < 20000; i++)
            {
                var target = new object();
                nint h = HandleTable.Add(HandleKind.EventLoop, target);
                if (!ReferenceEquals((HandleTable.Get(h, HandleKind.EventLoop)), target)) Interlocked.Increment(ref wrong);
                if (!HandleTable.Remove(h, HandleKind.EventLoop, out var removed, out _) || !ReferenceEquals(removed, target)) Interlocked.Increment(ref wrong);
            }
        });
        Assert.That(wrong, Is.EqualTo(0));
        Assert.That(HandleTable.LiveCount, Is.EqualTo(before));
    }
}

public class AlphabetContextTests
{
    [Test]
    public void RangesMayNotCutACharacter()
    {
        byte[] text = Encoding.UTF8.GetBytes("a\u00e9b\u20ac");
        Assert.That(AlphabetContext.IsCharacterRange(text, 0, 7), Is.True);
        Assert.That(AlphabetContext.IsCharacterRange(text, 1, 2), Is.True);
        Assert.That(AlphabetContext.IsCharacterRange(text, 4, 3), Is.True);
        Assert.That(AlphabetContext.IsCharacterRange(text, 7, 0), Is.True);
        Assert.That(AlphabetContext.IsCharacterRange(text, 2, 1), Is.False);
        Assert.That(AlphabetContext.IsCharacterRange(text, 0, 2), Is.False);
        Assert.That(AlphabetContext.IsCharacterRange(text, 5, 1), Is.False);
        Assert.That(AlphabetContext.IsCharacterRange(text, 0, 8), Is.False);
        Assert.That(AlphabetContext.IsCharacterRange(text, nuint.MaxValue, 2), Is.False);
        Assert.That(AlphabetContext.IsCharacterRange(text, 1, nuint.MaxValue), Is.False);
    }

    [Test]
    public void StateFollowsTheTextAndBorrowsBlockChanges()
    {
        nint self = AlphabetContext.Create(Case.Upper);
        Assert.That(StateOf(self), Is.EqualTo(Case.Upper));
        Assert.That(AlphabetContext.ChangeCase(self, Case.Lower), Is.EqualTo(Status.Ok));
        Assert.That(StateOf(self), Is.EqualTo(Case.Lower));
        nint borrow = AlphabetContext.Borrow(self, 0, 3);
        Assert.That(borrow, Is.GreaterThan((nint)0));
        Assert.That(AlphabetContext.ChangeCase(self, Case.Upper), Is.EqualTo(Status.ErrBorrowed));
        Assert.That(AlphabetContext.SetText(self, "x"u8.ToArray()), Is.EqualTo(Status.ErrBorrowed));
        Assert.That(AlphabetContext.Text(self), Is.EqualTo("abcdefghijklmnopqrstuvwxyz"u8.ToArray()));
        Assert.That(HandleTable.Remove(borrow, HandleKind.Subobject, out var view, out _), Is.True);
        AlphabetContext.EndBorrow((Subobject)view!, borrow);
        Assert.That(AlphabetContext.SetText(self, "abc"u8.ToArray()), Is.EqualTo(Status.Ok));
        Assert.That(StateOf(self), Is.EqualTo(Case.Invalid));
        Assert.That(AlphabetContext.Text(self), Is.EqualTo("abc"u8.ToArray()));
        Assert.That(AlphabetContext.ChangeCase(self, Case.Upper), Is.EqualTo(Status.ErrInvalidState));
        Assert.That(AlphabetContext.Borrow(self, 1, 5), Is.EqualTo((nint)(-1)));
        Assert.That(HandleTable.Remove(self, HandleKind.Context, out var extras, out uint last), Is.True);
        AlphabetContext.Free(extras, last);
        Assert.That(AlphabetContext.Borrow(self, 0, 1), Is.EqualTo((nint)0), "a freed context lends nothing");
        Assert.That(AlphabetContext.ChangeCase(self, Case.Upper), Is.EqualTo(Status.ErrInvalidHandle));
        Assert.That(AlphabetContext.Text(self), Is.Null);
    }

    [Test]
    public void AStaleHandleCannotChangeTheContextThatReusedItsSlot()
    {
        nint stale = AlphabetContext.Create(Case.Lower);
        HandleTable.Remove(stale, HandleKind.Context, out _, out _);
        nint fresh = AlphabetContext.Create(Case.Lower);
        Assert.That(fresh & 0xFFFF_FFFF, Is.EqualTo(stale & 0xFFFF_FFFF), "the slot is reused");
        Assert.That(AlphabetContext.ChangeCase(stale, Case.Upper), Is.EqualTo(Status.ErrInvalidHandle));
        Assert.That(AlphabetContext.SetText(stale, "x"u8.ToArray()), Is.EqualTo(Status.ErrInvalidHandle));
        Assert.That(AlphabetContext.Borrow(stale, 0, 1), Is.EqualTo((nint)0));
        Assert.That(StateOf(fresh), Is.EqualTo(Case.Lower));
        Assert.That(AlphabetContext.Text(fresh), Is.EqualTo("abcdefghijklmnopqrstuvwxyz"u8.ToArray()));
        HandleTable.Remove(fresh, HandleKind.Context, out _, out _);
    }

    private static Case StateOf(nint context)
    {
        Assert.That(AlphabetContext.TryState(context, out Case state), Is.True);
        return state;
    }

    [Test]
    public void ConcurrentBorrowsAndFreesLeaveNoLiveHandle()
    {
        int before = HandleTable.LiveCount;
        Parallel.For(0, 2000, i =>
        {
            nint handle = AlphabetContext.Create(Case.Lower);
            var borrower = Task.Run(() =>
            {
                for (int k = 0; k < 10; k++)
                {
                    nint sub = AlphabetContext.Borrow(handle, 0, 2);
                    if (sub > 0 && k % 2 == 0 && HandleTable.Remove(sub, HandleKind.Subobject, out var view, out _))
                    {
                        AlphabetContext.EndBorrow((Subobject)view!, sub);
                    }
                }
            });
            if (HandleTable.Remove(handle, HandleKind.Context, out var extras, out uint last))
            {
                AlphabetContext.Free(extras, last);
            }

            borrower.Wait();
        });
        Assert.That(HandleTable.LiveCount, Is.EqualTo(before));
    }
}

public class EventQueueTests
{
    [Test]
    public void TakesOnlyUpToTheLimitInOrder()
    {
        var queue = new EventQueue(Thread.CurrentThread);
        queue.Post(EventKind.Tick, 1);
        queue.Post(EventKind.Message, 2);
        ulong limit = queue.LastSequence;
        queue.Post(EventKind.Quit, 3);
        Assert.That(queue.TryTake(limit, out var first), Is.True);
        Assert.That((first.sequence, first.value), Is.EqualTo((1ul, 1L)));
        Assert.That(queue.TryTake(limit, out var second), Is.True);
        Assert.That(second.sequence, Is.EqualTo(2ul));
        Assert.That(queue.TryTake(limit, out _), Is.False, "posted after the limit");
        Assert.That(queue.TryTake(ulong.MaxValue, out var third), Is.True);
        Assert.That(third.kind, Is.EqualTo(EventKind.Quit));
        Assert.That(queue.IsOwnedByCaller, Is.True);
    }
}

using System;
using System.Runtime.InteropServices;
using System.Text;
using ExportLib.Abi;
using HeaderGen;

namespace ExportLib;

/// <summary>The case of an alphabet context's text.</summary>
[CName("el_case")]
public enum Case : int
{
    Lower = 0,
    Upper = 1,
    Invalid = 2,
}

/// <summary>Device options, combinable with |.</summary>
[CName("el_device_flags")]
[Flags]
public enum DeviceFlags : uint
{
    Singlethreaded = 0x1,
    Debug = 0x2,
    DisableGpuTimeout = 0x100,
    VideoSupport = 0x800,
}

/// <summary>The names of the device flags, in ascending bit order: the one table describe and parse share.</summary>
internal static class DeviceFlagNames
{
    public static readonly (DeviceFlags Flag, string Name)[] Ordered =
    {
        (DeviceFlags.Singlethreaded, "SINGLETHREADED"),
        (DeviceFlags.Debug, "DEBUG"),
        (DeviceFlags.DisableGpuTimeout, "DISABLE_GPU_TIMEOUT"),
        (DeviceFlags.VideoSupport, "VIDEO_SUPPORT"),
    };

    public const DeviceFlags All = DeviceFlags.Singlethreaded | DeviceFlags.Debug | DeviceFlags.DisableGpuTimeout | DeviceFlags.VideoSupport;

    public static string Describe(DeviceFlags flags)
    {
        var text = new StringBuilder();
        foreach (var (flag, name) in Ordered)
        {
            if ((flags & flag) != 0)
            {
                text.Append(text.Length == 0 ? string.Empty : "|").Append(name);
            }
        }

        return text.ToString();
    }

    /// <summary>Names in any order separated by '|', spaces around each name allowed, "" is 0.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out DeviceFlags flags, out string problem)
    {
        flags = 0;
        problem = string.Empty;
        if (text.IsEmpty)
        {
            return true;
        }

        foreach (var range in text.Split((byte)'|'))
        {
            var segment = text[range].Trim((byte)' ');
            if (segment.IsEmpty)
            {
                problem = "an empty name between separators";
                return false;
            }

            bool found = false;
            foreach (var (flag, name) in Ordered)
            {
                if (Ascii.Equals(segment, name))
                {
                    flags |= flag;
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                problem = $"'{Encoding.UTF8.GetString(segment)}' is not a device flag";
                return false;
            }
        }

        return true;
    }
}

/// <summary>Contract section 5: enums and bitflags.</summary>
public static unsafe class EnumExports
{
    /// <summary>The set flags' names in ascending bit order joined by '|' ("" for 0); a bit outside EL_DEVICE_FLAGS_ALL is invalid.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_device_flags_describe))]
    public static Status el_device_flags_describe(DeviceFlags f, [CType("char*")] byte* buf, [CType("size_t")] nuint len, [CType("size_t*")] nuint* required)
    {
        try
        {
            if ((f & ~DeviceFlagNames.All) != 0)
            {
                return Guard.Fail(Status.ErrInvalidArgument, $"0x{(uint)f:X} has bits outside EL_DEVICE_FLAGS_ALL (0x{(uint)DeviceFlagNames.All:X})");
            }

            return CallerBuffer.Write<byte>(Encoding.ASCII.GetBytes(DeviceFlagNames.Describe(f)), buf, len, required);
        }
        catch (Exception e)
        {
            return Guard.Internal(e);
        }
    }

    /// <summary>The inverse of describe: names in any order separated by '|', spaces around names allowed, "" is 0.</summary>
    [UnmanagedCallersOnly(EntryPoint = nameof(el_device_flags_parse))]
    public static Status el_device_flags_parse([CType("const char*")] byte* text, DeviceFlags* @out)
    {
        try
        {
            if (text == null)
            {
                return Guard.Null(nameof(text));
            }

            if (@out == null)
            {
                return Guard.Null("out");
            }

            if (!DeviceFlagNames.TryParse(Utf8Text.Bytes(text), out var flags, out string problem))
            {
                return Guard.Fail(Status.ErrInvalidArgument, problem);
            }

            *@out = flags;
            return Status.Ok;
        }
        catch (Exception e)
        {
            return Guard.Internal(e);
        }
    }
}

using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using NUnit.Framework;

namespace ExportLib.Tests;

/// <summary>
/// Reads ExportLib.dll's own IL: every export is a guarded shell (its body is one try whose handler catches
/// System.Exception), and is named after its entry point so failure messages name the C function.
/// </summary>
public class ExportShapeTests
{
    private static IEnumerable<(string Method, string? EntryPoint, MethodBodyBlock Body, MetadataReader Reader)> Exports()
    {
        string path = typeof(Version).Assembly.Location;
        var pe = new PEReader(File.OpenRead(path));
        var reader = pe.GetMetadataReader();
        foreach (var handle in reader.MethodDefinitions)
        {
            var method = reader.GetMethodDefinition(handle);
            foreach (var attributeHandle in method.GetCustomAttributes())
            {
                var attribute = reader.GetCustomAttribute(attributeHandle);
                // Attributes the assembly defines itself (HeaderGen's annotations) have a MethodDefinition constructor.
                if (attribute.Constructor.Kind != HandleKind.MemberReference)
                {
                    continue;
                }

                var ctor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
                var type = reader.GetTypeReference((TypeReferenceHandle)ctor.Parent);
                if (reader.GetString(type.Name) != "UnmanagedCallersOnlyAttribute")
                {
                    continue;
                }

                var blob = reader.GetBlobReader(attribute.Value);
                blob.ReadUInt16();
                ushort named = blob.ReadUInt16();
                string? entryPoint = null;
                for (int i = 0; i < named; i++)
                {
                    blob.ReadByte();
                    var kind = blob.ReadSerializationTypeCode();
                    if (kind == SerializationTypeCode.SZArray)
                    {
                        blob.ReadSerializationTypeCode();
                    }

                    string? name = blob.ReadSerializedString();
                    if (name == "EntryPoint")
                    {
                        entryPoint = blob.ReadSerializedString();
                    }
                    else
                    {
                        break;
                    }
                }

                yield return (reader.GetString(method.Name), entryPoint, pe.GetMethodBody(method.RelativeVirtualAddress), reader);
            }
        }
    }

    [Test]
    public void ThereAreExports() => Assert.That(Exports().Count(), Is.GreaterThanOrEqualTo(16));

    [Test]
    public void EveryExportIsNamedAfterItsEntryPoint()
    {
        foreach (var export in Exports())
        {
            Assert.That(export.EntryPoint, Is.EqualTo(export.Method), export.Method);
        }
    }

    [Test]
    public void EveryExportBodyIsOneTryCatchingException()
    {
        foreach (var (method, _, body, reader) in Exports())
        {
            // The compiler drops an empty try; a body that is a lone `ret` has nothing that could throw.
            var il = body.GetILBytes();
            if (il is [0x2A])
            {
                continue;
            }

            var catches = body.ExceptionRegions.Where(r => r.Kind == ExceptionRegionKind.Catch && r.TryOffset == 0).ToList();
            Assert.That(catches, Is.Not.Empty, $"{method} has no try/catch around its whole body");
            var catchType = catches[0].CatchType;
            Assert.That(catchType.Kind, Is.EqualTo(HandleKind.TypeReference), method);
            var type = reader.GetTypeReference((TypeReferenceHandle)catchType);
            Assert.That($"{reader.GetString(type.Namespace)}.{reader.GetString(type.Name)}", Is.EqualTo("System.Exception"), method);
        }
    }
}

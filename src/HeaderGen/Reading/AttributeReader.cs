using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;

namespace HeaderGen.Reading;

/// <summary>Finds custom attributes by namespace and name (HeaderGen's own, DNNE's, the framework's) and reads their arguments.</summary>
internal sealed class AttributeReader(MetadataReader reader, ShapeProvider provider)
{
    public const string OwnNamespace = "HeaderGen";

    public (string Namespace, string Name) NameOf(CustomAttribute attribute)
    {
        EntityHandle type = attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
            HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
            _ => default,
        };

        return type.Kind switch
        {
            HandleKind.TypeReference => Name(reader.GetTypeReference((TypeReferenceHandle)type)),
            HandleKind.TypeDefinition => Name(reader.GetTypeDefinition((TypeDefinitionHandle)type)),
            _ => (string.Empty, string.Empty),
        };
    }

    public CustomAttributeValue<ClrType>? Find(CustomAttributeHandleCollection? attributes, string ns, string name)
    {
        if (attributes is null)
        {
            return null;
        }

        foreach (var handle in attributes.Value)
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (NameOf(attribute) == (ns, name))
            {
                return attribute.DecodeValue(provider);
            }
        }

        return null;
    }

    /// <summary>Every instance of a repeatable attribute, decoded.</summary>
    public IEnumerable<CustomAttributeValue<ClrType>> FindAll(CustomAttributeHandleCollection attributes, string ns, string name)
    {
        foreach (var handle in attributes)
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (NameOf(attribute) == (ns, name))
            {
                yield return attribute.DecodeValue(provider);
            }
        }
    }

    public bool Has(CustomAttributeHandleCollection? attributes, string ns, string name)
        => attributes is { } present && present.Any(h => NameOf(reader.GetCustomAttribute(h)) == (ns, name));

    /// <summary>The first constructor argument of the attribute, when it is a string.</summary>
    public string? String(CustomAttributeHandleCollection? attributes, string ns, string name)
        => Find(attributes, ns, name) is { } value && value.FixedArguments.Length > 0 ? value.FixedArguments[0].Value as string : null;

    public string? Own(CustomAttributeHandleCollection? attributes, string name) => String(attributes, OwnNamespace, name);

    public bool HasOwn(CustomAttributeHandleCollection? attributes, string name) => Has(attributes, OwnNamespace, name);

    public static T? Named<T>(CustomAttributeValue<ClrType> value, string name)
    {
        foreach (var argument in value.NamedArguments)
        {
            if (argument.Name == name && argument.Value is T typed)
            {
                return typed;
            }
        }

        return default;
    }

    public static ImmutableArray<CustomAttributeTypedArgument<ClrType>> NamedArray(CustomAttributeValue<ClrType> value, string name)
        => value.NamedArguments.FirstOrDefault(a => a.Name == name).Value as ImmutableArray<CustomAttributeTypedArgument<ClrType>>? ?? ImmutableArray<CustomAttributeTypedArgument<ClrType>>.Empty;

    private (string, string) Name(TypeReference type) => (reader.GetString(type.Namespace), reader.GetString(type.Name));

    private (string, string) Name(TypeDefinition type) => (reader.GetString(type.Namespace), reader.GetString(type.Name));
}

using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace OrchardSpbe.Hosting;

/// <summary>
/// An empty form field binds "" to a property declared <c>string</c> (not <c>string?</c>). MVC turned it
/// into null, and code that trusted the declaration failed with a NullReferenceException (the portal's
/// "Tambah tenant" form with an empty name answered 500 where the JSON API answered 400).
/// </summary>
public sealed class NonNullableStringMetadata : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        if (context.Key is { MetadataKind: ModelMetadataKind.Property, PropertyInfo: { } property }
            && property.PropertyType == typeof(string)
            // NullabilityInfoContext is not thread-safe; metadata is built once per property, so one each is cheap.
            && new NullabilityInfoContext().Create(property).WriteState == NullabilityState.NotNull)
            context.DisplayMetadata.ConvertEmptyStringToNull = false;
    }
}

using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Localization;

namespace OrchardSpbe.Hosting;

/// <summary>
/// Binds a checkbox. A value that is not a boolean ("RememberMe=abc") becomes a validation message and the
/// box re-renders unticked: the default binder kept "abc" as the attempted value, and the checkbox tag
/// helper threw converting it back when the form was shown again (a 500 on every form with a checkbox).
/// </summary>
public sealed class BooleanModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext context)
    {
        var result = context.ValueProvider.GetValue(context.ModelName);
        if (result == ValueProviderResult.None) return Task.CompletedTask;
        // A ticked box posts "true" and its hidden companion "false"; the first value is the box.
        var text = result.FirstValue?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (context.ModelMetadata.IsReferenceOrNullableType) context.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }
        if (bool.TryParse(text, out var value) || TryParseForm(text, out value))
        {
            context.ModelState.SetModelValue(context.ModelName, result);
            context.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }
        var T = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Strings>>();
        context.ModelState.SetModelValue(context.ModelName, rawValue: false, attemptedValue: "false");
        // On the form as a whole: a checkbox has no message slot of its own, and the forms' summaries show model-level errors.
        context.ModelState.TryAddModelError("", T["Nilai {0} tidak valid.", context.ModelMetadata.GetDisplayName()]);
        context.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }

    private static bool TryParseForm(string text, out bool value)
    {
        value = text is "on" or "1";
        return text is "on" or "1" or "off" or "0";
    }
}

public sealed class BooleanModelBinderProvider : IModelBinderProvider
{
    private static readonly BooleanModelBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool) ? Binder : null;
}

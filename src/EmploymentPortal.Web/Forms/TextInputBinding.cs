using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Web.Forms;

/// <summary>
/// The one place every typed text goes through (issue 15): each string bound from a form, the
/// query or the route is checked by <see cref="TextInput"/>. A value with a control character (a
/// line break too, unless the property is <c>[DataType(DataType.MultilineText)]</c>), a
/// bidirectional control or an invalid character is not bound and its field gets the error
/// "含有控制字符或不可见的方向控制字符"; a value with nothing visible (spaces, zero-width characters)
/// binds as null, so <c>[Required]</c> fails; other values lose surrounding blanks. Passwords
/// (<c>DataType.Password</c>, or a property or parameter named "...Password...") are bound as typed.
/// </summary>
public static class TextInputBinding
{
    public static IServiceCollection AddTextInputBinding(this IServiceCollection services) =>
        services.AddSingleton<IConfigureOptions<MvcOptions>, Setup>();

    /// <summary>Whether a bound value's field is multi-line (a textarea): line breaks and tabs allowed.</summary>
    public static bool IsMultiline(ModelMetadata metadata) => metadata.DataTypeName == nameof(DataType.MultilineText);

    private static bool IsPassword(ModelMetadata metadata) =>
        metadata.DataTypeName == nameof(DataType.Password)
        || (metadata.PropertyName ?? metadata.ParameterName ?? string.Empty).Contains("Password", StringComparison.OrdinalIgnoreCase);

    private sealed class Setup(IStringLocalizerFactory localizers, ILoggerFactory loggers) : IConfigureOptions<MvcOptions>
    {
        public void Configure(MvcOptions options) =>
            options.ModelBinderProviders.Insert(0, new Provider(localizers.Create(typeof(Texts)), loggers));
    }

    private sealed class Provider(IStringLocalizer texts, ILoggerFactory loggers) : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            var source = context.BindingInfo.BindingSource;
            if (context.Metadata.ModelType != typeof(string)
                || (source is not null && (source == BindingSource.Body || source == BindingSource.Header || source == BindingSource.Services || source == BindingSource.Special || source == BindingSource.FormFile)))
            {
                return null;
            }

            return new Binder(new SimpleTypeModelBinder(typeof(string), loggers), texts);
        }
    }

    private sealed class Binder(SimpleTypeModelBinder inner, IStringLocalizer texts) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            var metadata = bindingContext.ModelMetadata;
            if (!bindingContext.Result.IsModelSet || bindingContext.Result.Model is not string value || IsPassword(metadata))
            {
                return;
            }

            if (TextInput.Check(value, IsMultiline(metadata)) != TextInput.Problem.None)
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, texts[TextInput.MessageKey]);
                bindingContext.Result = ModelBindingResult.Failed();
                return;
            }

            var clean = TextInput.Clean(value);
            if (!ReferenceEquals(clean, value) && clean != value)
            {
                bindingContext.Result = ModelBindingResult.Success(clean is null && !metadata.ConvertEmptyStringToNull ? string.Empty : clean);
            }
        }
    }
}

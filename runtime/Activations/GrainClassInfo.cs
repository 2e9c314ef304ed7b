using System.Linq.Expressions;
using System.Reflection;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Runtime.Activations;

/// <summary>
/// What the runtime knows about one grain class: its grain type, scheduling attributes and a factory compiled
/// once from its constructor (services from dependency injection, <c>[PersistentState]</c> parameters bound to
/// the activation), so creating an activation involves no reflection.
/// </summary>
internal sealed class GrainClassInfo
{
    private static readonly MethodInfo GetRequiredServiceMethod =
        typeof(ServiceProviderServiceExtensions).GetMethod(nameof(ServiceProviderServiceExtensions.GetRequiredService), [typeof(IServiceProvider), typeof(Type)])!;

    private static readonly MethodInfo CreatePersistentStateMethod =
        typeof(ActivationData).GetMethod(nameof(ActivationData.CreatePersistentState))!;

    private readonly Func<IServiceProvider, ActivationData, Grain> _factory;

    private GrainClassInfo(Type grainClass, string grainType, Func<IServiceProvider, ActivationData, Grain> factory)
    {
        GrainClass = grainClass;
        GrainType = grainType;
        _factory = factory;
        IsReentrant = grainClass.GetCustomAttribute<ReentrantAttribute>() is not null;
        CoalescesStateWrites = grainClass.GetCustomAttribute<CoalesceStateWritesAttribute>() is not null;
        CollectionAge = grainClass.GetCustomAttribute<CollectionAgeLimitAttribute>()?.Age;
    }

    public Type GrainClass { get; }

    public string GrainType { get; }

    public bool IsReentrant { get; }

    public bool CoalescesStateWrites { get; }

    /// <summary>The class's own idle age, or null for the silo default.</summary>
    public TimeSpan? CollectionAge { get; }

    public Grain Create(IServiceProvider services, ActivationData activation) => activation.Construct(_factory);

    public static GrainClassInfo Create(Type grainClass, string grainType)
    {
        var constructor = grainClass.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"Grain class {grainClass.FullName} has no public constructor.");
        var services = Expression.Parameter(typeof(IServiceProvider), "services");
        var activation = Expression.Parameter(typeof(ActivationData), "activation");
        var arguments = constructor.GetParameters().Select(p => BindParameter(grainClass, p, services, activation));
        var body = Expression.Convert(Expression.New(constructor, arguments), typeof(Grain));
        var factory = Expression.Lambda<Func<IServiceProvider, ActivationData, Grain>>(body, services, activation).Compile();
        return new GrainClassInfo(grainClass, grainType, factory);
    }

    private static Expression BindParameter(Type grainClass, ParameterInfo parameter, ParameterExpression services, ParameterExpression activation)
    {
        var type = parameter.ParameterType;
        if (parameter.GetCustomAttribute<PersistentStateAttribute>() is { } state)
        {
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
            {
                throw new InvalidOperationException($"Parameter {parameter.Name} of {grainClass.Name} has [PersistentState] but is not an IPersistentState<T>.");
            }

            var method = CreatePersistentStateMethod.MakeGenericMethod(type.GetGenericArguments()[0]);
            return Expression.Call(activation, method, Expression.Constant(state.StateName));
        }

        return Expression.Convert(Expression.Call(GetRequiredServiceMethod, services, Expression.Constant(type)), type);
    }
}

package dev.transfers.bitget.domain;

import jakarta.validation.Configuration;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.NoProviderFoundException;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.spi.ValidationProvider;
import java.lang.annotation.ElementType;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a {@link Transfer}'s Jakarta Bean Validation constraints and turns violations into one
 * {@link InvalidTransferException}.
 *
 * <p>The validator is built once per process, on first use, with Hibernate Validator's predefined
 * scope: it knows up front the one bean it validates ({@link Transfer}) and the built-in constraints
 * that bean uses, so it reads that metadata once and registers nothing else (a default bootstrap
 * costs hundreds of milliseconds). Messages are plain text written on the constraints, so no
 * Expression Language implementation is needed; no XML configuration and no JPA are looked for.
 */
final class TransferValidation {

    private TransferValidation() {
    }

    private static final String PREDEFINED_SCOPE_PROVIDER = "org.hibernate.validator.PredefinedScopeHibernateValidator";
    private static final String PREDEFINED_SCOPE_CONFIGURATION =
            "org.hibernate.validator.PredefinedScopeHibernateValidatorConfiguration";

    /** The built-in constraints {@link Transfer} uses; a new one on Transfer must be added here. */
    private static final Set<String> BUILT_IN_CONSTRAINTS = Stream.of(NotNull.class, Positive.class, Digits.class)
            .map(Class::getName).collect(Collectors.toUnmodifiableSet());

    /**
     * Hibernate Validator's switch for the cache it otherwise puts around the traversable resolver for
     * each validation (a map per call); {@link EverythingReachable} answers at once, so there is nothing
     * to cache. Another provider ignores the property.
     */
    private static final String NO_TRAVERSABLE_CACHE = "hibernate.validator.enable_traversable_resolver_result_cache";

    /** What to add when no provider is there; said on every call that needs one, never a bare class error. */
    static final String NO_PROVIDER = "Transfer cannot be validated: no Jakarta Bean Validation provider is on the"
            + " class path. Add org.hibernate.validator:hibernate-validator (runtime scope; transfer-domain brings it"
            + " unless it was excluded)";

    /** The validator, or why there is none: built once, and a failure kept rather than rethrown as a class error. */
    private static final class Holder {
        private static final Validator VALIDATOR;
        private static final RuntimeException FAILURE;

        static {
            Validator validator = null;
            RuntimeException failure = null;
            try {
                ValidatorFactory factory = configuration()
                        .ignoreXmlConfiguration()
                        .traversableResolver(new EverythingReachable())
                        .addProperty(NO_TRAVERSABLE_CACHE, "false")
                        .messageInterpolator(new LiteralMessages())
                        .buildValidatorFactory();
                validator = factory.getValidator();
            } catch (ValidationException | IllegalStateException failed) {
                failure = failed;
            }
            VALIDATOR = validator;
            FAILURE = failure;
        }
    }

    /**
     * The validator.
     *
     * @throws IllegalStateException naming the dependency to add when no provider is there, or what
     *                               went wrong when the provider could not start
     */
    private static Validator validator() {
        if (Holder.FAILURE instanceof NoProviderFoundException) {
            throw new IllegalStateException(NO_PROVIDER, Holder.FAILURE);
        }
        if (Holder.FAILURE != null) {
            throw new IllegalStateException("Transfer cannot be validated: the Jakarta Bean Validation provider did"
                    + " not start", Holder.FAILURE);
        }
        return Holder.VALIDATOR;
    }

    /**
     * Hibernate Validator's predefined-scope configuration told {@link Transfer} and its built-in
     * constraints, or the default provider's configuration when that provider is not on the class
     * path. The domain compiles against Jakarta Validation alone (Hibernate Validator is a runtime
     * dependency), so the two settings the predefined scope adds are called by name.
     */
    private static Configuration<?> configuration() {
        Class<?> provider;
        try {
            provider = Class.forName(PREDEFINED_SCOPE_PROVIDER, true, TransferValidation.class.getClassLoader());
        } catch (ClassNotFoundException absent) {
            return Validation.byDefaultProvider().configure();
        }
        try {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Configuration<?> configuration = Validation.byProvider((Class) provider)
                    .providerResolver(() -> List.of((ValidationProvider<?>) newInstance(provider)))
                    .configure();
            Class<?> api = Class.forName(PREDEFINED_SCOPE_CONFIGURATION, true, provider.getClassLoader());
            api.getMethod("builtinConstraints", Set.class).invoke(configuration, BUILT_IN_CONSTRAINTS);
            api.getMethod("initializeBeanMetaData", Set.class).invoke(configuration, Set.of(Transfer.class));
            return configuration;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot configure " + PREDEFINED_SCOPE_PROVIDER, e);
        }
    }

    private static Object newInstance(Class<?> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName(), e);
        }
    }

    static List<InvalidTransferException.Violation> violationsOf(Transfer transfer) {
        Set<ConstraintViolation<Transfer>> found = validator().validate(transfer);
        return found.stream()
                .map(v -> new InvalidTransferException.Violation(fieldOf(v), v.getMessage()))
                .toList();
    }

    static void requireValid(Transfer transfer) {
        List<InvalidTransferException.Violation> violations = violationsOf(transfer);
        if (!violations.isEmpty()) {
            throw new InvalidTransferException(violations);
        }
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.isEmpty() ? "transfer" : path;
    }

    /** Every property is reachable and cascadable: there are no lazily loaded JPA entities to guard. */
    private static final class EverythingReachable implements TraversableResolver {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                ElementType elementType) {
            return true;
        }
    }

    /** Uses each constraint's message as written: they are plain sentences without parameters. */
    private static final class LiteralMessages implements MessageInterpolator {
        @Override
        public String interpolate(String messageTemplate, Context context) {
            return messageTemplate;
        }

        @Override
        public String interpolate(String messageTemplate, Context context, Locale locale) {
            return messageTemplate;
        }
    }
}

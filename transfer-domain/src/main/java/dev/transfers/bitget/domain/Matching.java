package dev.transfers.bitget.domain;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * Field rule of {@link Transfer}: the text, when present, matches {@link #regexp()} as a whole
 * ({@code null} is left to {@code @NotNull}), as the standard {@code @Pattern} does.
 *
 * <p>Why not {@code @Pattern}: Hibernate Validator's validator for it keys a shared cache of compiled
 * patterns with a record, and the first {@code hashCode} and {@code equals} of a record link through
 * {@code ObjectMethods}, which generates about 45 method-handle classes at start-up. Those classes
 * were enough to make the JIT compile the JDK's class generator (ASM's {@code Frame.execute}, 0.3 to
 * 0.45 s of CPU and its memory) in a process making a few hundred transfers (docs/BENCHMARKS.md,
 * section 7). This validator compiles its pattern once, when Hibernate Validator creates it for the
 * field.
 */
@Documented
@Constraint(validatedBy = Matching.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface Matching {
    /** The regular expression the whole text must match. */
    String regexp();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a text against the compiled pattern of its annotation. */
    final class Validator implements ConstraintValidator<Matching, CharSequence> {
        private Pattern pattern;

        @Override
        public void initialize(Matching rule) {
            pattern = Pattern.compile(rule.regexp());
        }

        @Override
        public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
            return text == null || pattern.matcher(text).matches();
        }
    }
}

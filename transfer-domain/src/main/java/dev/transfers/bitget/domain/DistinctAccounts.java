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

/**
 * Class-level rule of {@link Transfer}: the source and destination account types differ.
 * Reported on the {@code to} field.
 */
@Documented
@Constraint(validatedBy = DistinctAccounts.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface DistinctAccounts {
    String message() default "must differ from from";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the rule and reports the violation on the {@code to} field. */
    final class Validator implements ConstraintValidator<DistinctAccounts, Transfer> {
        @Override
        public boolean isValid(Transfer transfer, ConstraintValidatorContext context) {
            if (transfer == null || transfer.from() == null || transfer.from() != transfer.to()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                            "must differ from from (both are " + transfer.from().wireCode() + ")")
                    .addPropertyNode("to")
                    .addConstraintViolation();
            return false;
        }
    }
}

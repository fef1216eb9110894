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
 * Class-level rule of {@link Transfer}: a symbol is required when either side is
 * {@code isolated_margin} (isolated margin balances are kept per trading pair), and refused
 * otherwise, since Bitget would ignore it and the caller evidently meant something else.
 */
@Documented
@Constraint(validatedBy = SymbolOnlyWithIsolatedMargin.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface SymbolOnlyWithIsolatedMargin {
    String message() default "is required when from or to is isolated_margin, and used only then";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the rule and reports the violation on the {@code symbol} field. */
    final class Validator implements ConstraintValidator<SymbolOnlyWithIsolatedMargin, Transfer> {
        @Override
        public boolean isValid(Transfer transfer, ConstraintValidatorContext context) {
            if (transfer == null || transfer.from() == null || transfer.to() == null) {
                return true;
            }
            boolean isolated = transfer.from() == AccountType.ISOLATED_MARGIN
                    || transfer.to() == AccountType.ISOLATED_MARGIN;
            boolean hasSymbol = transfer.symbol() != null;
            if (isolated == hasSymbol) {
                return true;
            }
            String message = isolated
                    ? "is required when from or to is isolated_margin (the trading pair, such as BTCUSDT)"
                    : "is used only when from or to is isolated_margin; leave it out for "
                            + transfer.from().wireCode() + " to " + transfer.to().wireCode();
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message).addPropertyNode("symbol").addConstraintViolation();
            return false;
        }
    }
}
